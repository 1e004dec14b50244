package studio.timelapse.camera.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.protocol.AgentEvent;

/**
 * Puts the progress and heartbeats of the agent's long tasks on the event stream, as the task tracker folds them:
 * only tasks that report progress or beat (not every request and capture action), and for each only a change that
 * matters — a new count, a new beat, its end.
 */
public final class TaskUpdates implements Consumer<TaskStatus>, AutoCloseable {
    private final EventHub hub;
    private final Map<String, Seen> seen = new HashMap<>();
    private AutoCloseable subscription = () -> { };

    private record Seen(TaskStatus.State state, Optional<Long> done, Optional<java.time.Duration> heartbeatAge) {}

    TaskUpdates(EventHub hub) {
        this.hub = hub;
    }

    /** Forwards {@code tracker}'s changes to {@code hub} until closed. */
    public static TaskUpdates forward(TaskStatusTracker tracker, EventHub hub) {
        TaskUpdates updates = new TaskUpdates(hub);
        updates.subscription = tracker.onChange(updates);
        return updates;
    }

    @Override
    public void accept(TaskStatus status) {
        if (status.done().isEmpty() && status.heartbeatAge().isEmpty()) {
            return;
        }
        synchronized (seen) {
            Seen before = seen.get(status.taskUuid());
            boolean newBeat = status.heartbeatAge().isPresent() && (before == null || before.heartbeatAge().isEmpty()
                    || status.heartbeatAge().get().compareTo(before.heartbeatAge().get()) < 0);
            boolean changed = before == null || before.state() != status.state() || !before.done().equals(status.done());
            if (!changed && !newBeat) {
                return;
            }
            if (status.running()) {
                seen.put(status.taskUuid(), new Seen(status.state(), status.done(), status.heartbeatAge()));
            } else {
                seen.remove(status.taskUuid());
            }
        }
        hub.publish(AgentEvent.TaskUpdate.of(status));
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
