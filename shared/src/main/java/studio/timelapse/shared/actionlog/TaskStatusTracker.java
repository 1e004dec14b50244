package studio.timelapse.shared.actionlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Folds log messages into each task's live status: running, succeeded or failed; percent, rate and ETA from
 * {@code progress}; the age of the last {@code heartbeat}, and <em>stalled</em> when heartbeats stop. The one source
 * of live status for the studio's screens and the agent's event stream: subscribe it to an {@link ActionLog}, or
 * feed it messages read from elsewhere (another process's stream). Thread-safe; keeps at most {@code keepFinished}
 * ended tasks.
 */
public final class TaskStatusTracker implements Consumer<LogMessage> {
    /** A task is stalled after this many heartbeat intervals without a beat. */
    public static final int MISSED_BEATS_FOR_STALLED = 3;

    private final Clock clock;
    private final int keepFinished;
    private final Map<String, Fold> tasks = new LinkedHashMap<>();
    private final Deque<String> finishedOrder = new ArrayDeque<>();
    private final List<Consumer<TaskStatus>> listeners = new CopyOnWriteArrayList<>();

    public TaskStatusTracker(Clock clock, int keepFinished) {
        this.clock = clock;
        this.keepFinished = keepFinished;
    }

    /** Called for every message; tasks that never report progress or heartbeats are tracked all the same. */
    @Override
    public void accept(LogMessage message) {
        TaskStatus changed;
        synchronized (this) {
            Fold fold = tasks.get(message.taskUuid());
            if (fold == null) {
                fold = new Fold(message.taskUuid());
                tasks.put(message.taskUuid(), fold);
            }
            boolean wasFinished = fold.finished();
            fold.add(message);
            if (!wasFinished && fold.finished()) {
                finishedOrder.addLast(fold.taskUuid);
                while (finishedOrder.size() > keepFinished) {
                    tasks.remove(finishedOrder.removeFirst());
                }
            }
            changed = fold.status(clock.instant());
        }
        for (Consumer<TaskStatus> listener : listeners) {
            listener.accept(changed);
        }
    }

    public synchronized Optional<TaskStatus> status(String taskUuid) {
        Fold fold = tasks.get(taskUuid);
        return fold == null ? Optional.empty() : Optional.of(fold.status(clock.instant()));
    }

    /** Every tracked task, the running ones first, then by start time (ties in the order first seen). */
    public synchronized List<TaskStatus> all() {
        Instant now = clock.instant();
        return tasks.values().stream().map(fold -> fold.status(now))
                .sorted((a, b) -> a.running() != b.running() ? (a.running() ? -1 : 1)
                        : a.startedAt().compareTo(b.startedAt()))
                .toList();
    }

    public List<TaskStatus> running() {
        return all().stream().filter(TaskStatus::running).toList();
    }

    /** Tasks whose heartbeats stopped, as of now. */
    public List<TaskStatus> stalled() {
        return all().stream().filter(TaskStatus::stalled).toList();
    }

    /** Told of the new status after each message; runs on the logging thread, so keep it short. */
    public AutoCloseable onChange(Consumer<TaskStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** One task's messages folded so far. */
    private static final class Fold {
        private final String taskUuid;
        private TaskLevel outermostSlot;
        private String actionType = "";
        private Instant startedAt;
        private Instant endedAt;
        private TaskStatus.State state = TaskStatus.State.RUNNING;
        private String failure;
        private LogMessage progress;
        private Instant lastBeat;
        private double beatIntervalSeconds;

        Fold(String taskUuid) {
            this.taskUuid = taskUuid;
        }

        boolean finished() {
            return state != TaskStatus.State.RUNNING;
        }

        void add(LogMessage message) {
            Instant at = toInstant(message.timestamp());
            if (startedAt == null || at.isBefore(startedAt)) {
                startedAt = at;
            }
            String type = message.messageType().orElse("");
            if (type.equals(Convention.PROGRESS)) {
                if (progress == null || message.timestamp() >= progress.timestamp()) {
                    progress = message;
                }
            } else if (type.equals(Convention.HEARTBEAT)) {
                if (lastBeat == null || at.isAfter(lastBeat)) {
                    lastBeat = at;
                    beatIntervalSeconds = message.number(Convention.INTERVAL_S).orElse(beatIntervalSeconds);
                }
            }
            if (message.isAction()) {
                foldAction(message, at);
            } else if (outermostSlot == null && actionType.isEmpty()) {
                // A task of plain messages only (a message logged outside any action) is over when it is written.
                actionType = type;
                state = TaskStatus.State.SUCCEEDED;
                endedAt = at;
            }
        }

        /** The task's state is its outermost action's: the one whose slot is the shortest seen. */
        private void foldAction(LogMessage message, Instant at) {
            TaskLevel slot = message.level().parent();
            if (outermostSlot == null || slot.depth() < outermostSlot.depth()) {
                outermostSlot = slot;
                actionType = message.actionType().orElse("");
                state = TaskStatus.State.RUNNING;
                endedAt = null;
                failure = null;
            }
            if (!slot.equals(outermostSlot)) {
                return;
            }
            ActionStatus status = message.actionStatus().orElse(ActionStatus.STARTED);
            if (status == ActionStatus.SUCCEEDED) {
                state = TaskStatus.State.SUCCEEDED;
                endedAt = at;
            } else if (status == ActionStatus.FAILED) {
                state = TaskStatus.State.FAILED;
                endedAt = at;
                failure = message.text(LogMessage.EXCEPTION).orElse("") + ": "
                        + message.text(LogMessage.REASON).orElse("");
            }
        }

        TaskStatus status(Instant now) {
            Optional<Long> done = progress == null ? Optional.empty() : progress.number(Convention.DONE).map(Double::longValue);
            Optional<Long> total = progress == null ? Optional.empty() : progress.number(Convention.TOTAL).map(Double::longValue);
            OptionalDouble percent = done.isPresent() && total.isPresent() && total.get() > 0
                    ? OptionalDouble.of(Math.min(100.0, 100.0 * done.get() / total.get())) : OptionalDouble.empty();
            if (state == TaskStatus.State.SUCCEEDED && total.isPresent()) {
                percent = OptionalDouble.of(100.0);
            }
            Optional<Duration> beatAge = lastBeat == null ? Optional.empty() : Optional.of(Duration.between(lastBeat, now));
            boolean stalled = state == TaskStatus.State.RUNNING && lastBeat != null && beatIntervalSeconds > 0
                    && beatAge.get().toMillis() > MISSED_BEATS_FOR_STALLED * beatIntervalSeconds * 1000;
            return new TaskStatus(taskUuid, actionType, state, startedAt, Optional.ofNullable(endedAt), done, total,
                    progress == null ? Optional.empty() : progress.text(Convention.UNIT),
                    percent,
                    optional(progress, Convention.RATE),
                    state == TaskStatus.State.RUNNING ? optional(progress, Convention.ETA_S) : OptionalDouble.empty(),
                    beatAge, stalled, Optional.ofNullable(failure));
        }

        private static OptionalDouble optional(LogMessage message, String field) {
            if (message == null) {
                return OptionalDouble.empty();
            }
            return message.number(field).map(OptionalDouble::of).orElse(OptionalDouble.empty());
        }

        private static Instant toInstant(double timestamp) {
            long micros = Math.round(timestamp * 1_000_000d);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }
    }
}
