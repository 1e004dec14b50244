package studio.timelapse.shared.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.EliotJson;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.RingBufferSink;
import studio.timelapse.shared.actionlog.TaskTree;

/** An action log that keeps every message in memory, for tests that check what was logged. */
public final class RecordingLog implements AutoCloseable {
    private final RingBufferSink ring = new RingBufferSink(100_000);
    private final ActionLog log;

    public RecordingLog() {
        this.log = ActionLog.builder("test").host("testhost").sink(ring).build();
    }

    public RecordingLog(Clock clock, LongSupplier nanoClock) {
        this.log = ActionLog.builder("test").host("testhost").clock(clock, nanoClock).sink(ring).build();
    }

    public ActionLog log() {
        return log;
    }

    public List<LogMessage> messages() {
        return ring.snapshot();
    }

    /** The messages as they read back from their JSON lines (numbers and lists as JSON gives them). */
    public List<LogMessage> messagesAsWritten() {
        EliotJson json = new EliotJson();
        return ring.snapshot().stream().map(m -> json.parse(json.toJson(m))).toList();
    }

    public List<LogMessage> ofType(String type) {
        return messages().stream().filter(m -> m.type().equals(type)).toList();
    }

    public Map<String, TaskTree> trees() {
        return TaskTree.build(messages());
    }

    public TaskTree tree(String taskUuid) {
        return TaskTree.of(taskUuid, messages());
    }

    @Override
    public void close() {
        log.close();
    }
}
