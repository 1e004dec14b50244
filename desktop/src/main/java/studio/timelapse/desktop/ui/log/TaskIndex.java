package studio.timelapse.desktop.ui.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;

/**
 * Every task of the logs, summarised for the log explorer's list: state, duration and failure as the
 * {@link TaskStatusTracker} folds them, plus the cameras and programs each task involves, for filtering. Fed from the
 * log files and then live from the studio's log; thread-safe.
 */
final class TaskIndex implements Consumer<LogMessage> {
    /** Camera fields, as the studio's and the agent's actions name cameras. */
    private static final List<String> CAMERA_FIELDS = List.of("camera", "camera_id");

    private final TaskStatusTracker tracker;
    private final Map<String, Facts> facts = new HashMap<>();
    private final Set<String> cameras = new TreeSet<>();
    private final Set<String> types = new TreeSet<>();
    private final AtomicLong version = new AtomicLong();

    /** @param keep at most this many ended tasks are kept, the oldest dropped first */
    TaskIndex(Clock clock, int keep) {
        this.tracker = new TaskStatusTracker(clock, keep);
    }

    private record Facts(Set<String> cameras, Set<String> programs) {}

    @Override
    public void accept(LogMessage message) {
        tracker.accept(message);
        synchronized (this) {
            Facts task = facts.computeIfAbsent(message.taskUuid(), uuid -> new Facts(new TreeSet<>(), new TreeSet<>()));
            for (String field : CAMERA_FIELDS) {
                message.text(field).ifPresent(camera -> {
                    task.cameras().add(camera);
                    cameras.add(camera);
                });
            }
            message.text(LogMessage.PROCESS).map(TaskIndex::program).ifPresent(task.programs()::add);
            if (message.isAction() && message.level().depth() == 1) {
                message.actionType().ifPresent(types::add);
            }
        }
        version.incrementAndGet();
    }

    /** {@code camera@pi-north:412} → {@code camera}. */
    private static String program(String process) {
        int at = process.indexOf('@');
        return at < 0 ? process : process.substring(0, at);
    }

    /** Grows with every message: a screen re-reads the index only when it moved. */
    long version() {
        return version.get();
    }

    /** The tasks that pass {@code filter}, newest first. */
    List<TaskSummary> tasks(TaskFilter filter) {
        List<TaskStatus> all = tracker.all();
        synchronized (this) {
            facts.keySet().retainAll(all.stream().map(TaskStatus::taskUuid).collect(java.util.stream.Collectors.toSet()));
            return all.stream().map(this::summary).filter(filter::matches)
                    .sorted(Comparator.comparing(TaskSummary::startedAt).reversed()).toList();
        }
    }

    private TaskSummary summary(TaskStatus status) {
        Facts task = facts.getOrDefault(status.taskUuid(), new Facts(Set.of(), Set.of()));
        return new TaskSummary(status.taskUuid(), status.actionType(), status.state(), status.startedAt(),
                status.endedAt().map(end -> Duration.between(status.startedAt(), end)), status.failure(),
                task.cameras(), task.programs());
    }

    /** Every camera any task named. */
    synchronized List<String> cameras() {
        return List.copyOf(cameras);
    }

    /** Every root action type seen. */
    synchronized List<String> types() {
        return List.copyOf(types);
    }
}
