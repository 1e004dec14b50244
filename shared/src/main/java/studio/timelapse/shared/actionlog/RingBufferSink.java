package studio.timelapse.shared.actionlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The most recent messages in memory, for screens that show what just happened. Oldest are overwritten. */
public final class RingBufferSink implements LogSink {
    private final LogMessage[] ring;
    private long written;

    public RingBufferSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ring = new LogMessage[capacity];
    }

    @Override
    public synchronized void accept(LogMessage message, byte[] line) {
        ring[(int) (written % ring.length)] = message;
        written++;
    }

    /** The kept messages, oldest first. */
    public synchronized List<LogMessage> snapshot() {
        int count = (int) Math.min(written, ring.length);
        List<LogMessage> messages = new ArrayList<>(count);
        for (long i = written - count; i < written; i++) {
            messages.add(ring[(int) (i % ring.length)]);
        }
        return messages;
    }

    public List<LogMessage> snapshot(Predicate<LogMessage> filter) {
        return snapshot().stream().filter(filter).toList();
    }

    public List<LogMessage> task(String taskUuid) {
        return snapshot(message -> message.taskUuid().equals(taskUuid));
    }

    public int capacity() {
        return ring.length;
    }
}
