package studio.timelapse.camera.api;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.protocol.AgentEvent;

/**
 * One connected client's events on their way out: a bounded queue that the hub fills without ever waiting and the
 * client's writer empties at the client's pace. A client that falls a whole queue behind is dropped — logged in its
 * request's action, and its connection hung up so that a writer stuck on a full socket lets go.
 */
final class EventSubscription {
    static final String DROPPED_MESSAGE = "camera:api:events_client_dropped";
    private static final StreamedEvent END = new StreamedEvent(Optional.empty(),
            new AgentEvent.EventsMissed("end of stream"));

    private final BlockingQueue<StreamedEvent> queue;
    private final int capacity;
    private final Action request;
    private final String client;
    private final Runnable hangUp;
    private volatile String endedBecause;

    EventSubscription(int capacity, Action request, String client, Runnable hangUp) {
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for END even when full
        this.capacity = capacity;
        this.request = request;
        this.client = client;
        this.hangUp = hangUp;
    }

    /** Queues an event; false when the client is a whole queue behind. Never waits. */
    boolean offer(StreamedEvent event) {
        return endedBecause == null && queue.size() < capacity && queue.offer(event);
    }

    /** The next event, waiting for one; empty once the subscription ended (dropped, or the hub closed). */
    Optional<StreamedEvent> next() throws InterruptedException {
        StreamedEvent event = queue.take();
        return event == END ? Optional.empty() : Optional.of(event);
    }

    /** Drops a client that fell behind: logged, its writer woken, its connection closed. */
    void drop() {
        if (end("dropped: " + capacity + " events queued, the client is not reading")) {
            request.log(DROPPED_MESSAGE, "client", client, "queued", capacity);
            hangUp.run();
        }
    }

    /** Ends the stream without blame (the agent is stopping). */
    void close(String why) {
        end(why);
    }

    private boolean end(String why) {
        synchronized (this) {
            if (endedBecause != null) {
                return false;
            }
            endedBecause = why;
        }
        queue.clear();
        queue.offer(END);
        return true;
    }

    /** Why the stream ended, if the hub ended it. */
    Optional<String> endedBecause() {
        return Optional.ofNullable(endedBecause);
    }
}
