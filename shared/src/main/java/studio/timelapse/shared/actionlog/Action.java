package studio.timelapse.shared.actionlog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One piece of work in the causal log: a {@code started} message, the messages and child actions logged inside it,
 * and one {@code succeeded} or {@code failed} message. Use it as a try-with-resources scope; closing it without a
 * {@link #fail} logs success.
 *
 * <pre>{@code
 * try (Action action = log.start("studio:sync:download_frame", "camera", cameraId, "sequence", seq)) {
 *     try {
 *         long bytes = download(...);
 *         action.addSuccessFields("bytes", bytes);
 *     } catch (IOException e) {
 *         throw action.fail(e);
 *     }
 * }
 * }</pre>
 *
 * An action is thread-safe: other threads may log into it (see {@link ActionLog#wrap(Runnable)}).
 */
public final class Action implements AutoCloseable {
    /** The field of a message that came after its action ended: the action's {@code <task_uuid>@<level>}. */
    public static final String LATE_FOR = "late_for";

    private final ActionLog log;
    private final String taskUuid;
    private final TaskLevel level;
    private final String actionType;
    private final Action previousOnThread;
    private final Thread startThread;

    private int lastChild;
    private boolean finished;
    private final Map<String, Object> successFields = new LinkedHashMap<>();
    private final List<Heartbeat> heartbeats = new ArrayList<>(1);
    private volatile ProgressReporter progress;

    Action(ActionLog log, String taskUuid, TaskLevel level, String actionType, Action previousOnThread) {
        this.log = log;
        this.taskUuid = taskUuid;
        this.level = level;
        this.actionType = actionType;
        this.previousOnThread = previousOnThread;
        this.startThread = Thread.currentThread();
    }

    public String taskUuid() {
        return taskUuid;
    }

    /** The slot this action occupies; its own messages are logged at this level plus one more slot. */
    public TaskLevel level() {
        return level;
    }

    public String actionType() {
        return actionType;
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    void logStart(Map<String, Object> fields) {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put(LogMessage.ACTION_TYPE, actionType);
        start.put(LogMessage.ACTION_STATUS, ActionStatus.STARTED.wire());
        start.putAll(fields);
        log.emit(taskUuid, nextLevel(), start);
    }

    synchronized TaskLevel nextLevel() {
        return level.child(++lastChild);
    }

    /** Logs a plain message inside this action. */
    public void log(String messageType, Object... fields) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(LogMessage.MESSAGE_TYPE, messageType);
        Fields.putPairs(message, fields);
        emitInside(message);
    }

    /** Logs a plain message inside this action. */
    public void log(String messageType, Map<String, ?> fields) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(LogMessage.MESSAGE_TYPE, messageType);
        Fields.putAll(message, fields);
        emitInside(message);
    }

    /**
     * Logs into the next slot while the action runs. After its end a slot would leave the task incomplete forever
     * (eliot's parser closes a task at its end message), so a late message — a wrapped thread racing the end, the
     * final progress count — becomes a task of its own that names the action it was meant for.
     */
    private void emitInside(Map<String, Object> message) {
        Optional<TaskLevel> slot = claimSlot();
        if (slot.isPresent()) {
            log.emit(taskUuid, slot.get(), message);
        } else {
            message.put(LATE_FOR, lateFor());
            log.emit(UUID.randomUUID().toString(), TaskLevel.of(1), message);
        }
    }

    /** The next child slot, unless the action has ended. */
    synchronized Optional<TaskLevel> claimSlot() {
        return finished ? Optional.empty() : Optional.of(level.child(++lastChild));
    }

    /** How a late message or child names this action: its task and level, as in a task id. */
    String lateFor() {
        return taskUuid + "@" + level.serialize();
    }

    /** Starts a child action of this one, on the calling thread, whatever action that thread had. */
    public Action startChild(String childType, Object... fields) {
        return log.startUnder(this, childType, Fields.of(fields));
    }

    /** Fields for the {@code succeeded} message. */
    public synchronized Action addSuccessFields(Object... fields) {
        Fields.putPairs(successFields, fields);
        return this;
    }

    public synchronized Action addSuccessFields(Map<String, ?> fields) {
        Fields.putAll(successFields, fields);
        return this;
    }

    /**
     * Reserves the next child slot for work continued in another process and returns eliot's serialized task id
     * ({@code <task_uuid>@/3/2}) for the {@value ActionLog#TASK_ID_HEADER} header. Use each id once: every request,
     * retry included, takes a new one.
     */
    public String serializeTaskId() {
        return taskUuid + "@" + nextLevel().serialize();
    }

    /** A throttled progress reporter for this action; see {@link ProgressReporter}. */
    public ProgressReporter progress(long total, String unit) {
        ProgressReporter reporter = new ProgressReporter(this, total, unit, log.progressInterval(), log.nanoClock());
        progress = reporter;
        return reporter;
    }

    /** Logs {@code heartbeat} messages every {@code interval} until this action ends or the heartbeat is closed. */
    public Heartbeat heartbeat(Duration interval) {
        Heartbeat heartbeat = new Heartbeat(this, interval);
        synchronized (this) {
            if (finished) {
                return heartbeat;
            }
            heartbeats.add(heartbeat);
        }
        heartbeat.schedule(log.timer());
        return heartbeat;
    }

    ProgressReporter currentProgress() {
        return progress;
    }

    /** Logs a heartbeat unless the action has ended: a beat after the end would break the task's tree. */
    void beat(Object... fields) {
        TaskLevel at;
        synchronized (this) {
            if (finished) {
                return;
            }
            at = nextLevel();
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(LogMessage.MESSAGE_TYPE, Convention.HEARTBEAT);
        Fields.putPairs(message, fields);
        log.emit(taskUuid, at, message);
    }

    /** Ends the action as succeeded, with the success fields added so far. Later calls do nothing. */
    public void succeed() {
        Map<String, Object> end;
        TaskLevel at;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            end = new LinkedHashMap<>();
            end.put(LogMessage.ACTION_TYPE, actionType);
            end.put(LogMessage.ACTION_STATUS, ActionStatus.SUCCEEDED.wire());
            end.putAll(successFields);
            at = nextLevel();
        }
        stopHeartbeats();
        log.emit(taskUuid, at, end);
        leaveThread();
    }

    /**
     * Ends the action as failed: an {@code eliot:traceback} message with the stack trace, then the {@code failed}
     * message with {@code exception} (the class name) and {@code reason} (its message). An {@link ExpectedFailure}
     * (a refusal, a cancel) gets no traceback: its reason says all. Returns the throwable so that callers can write
     * {@code throw action.fail(e);}. Later calls only return it.
     */
    public <T extends Throwable> T fail(T error) {
        boolean withTraceback = !(error instanceof ExpectedFailure);
        TaskLevel tracebackAt = null;
        TaskLevel endAt;
        synchronized (this) {
            if (finished) {
                return error;
            }
            finished = true;
            if (withTraceback) {
                tracebackAt = nextLevel();
            }
            endAt = nextLevel();
        }
        stopHeartbeats();
        String reason = error.getMessage() == null ? "" : error.getMessage();
        if (withTraceback) {
            Map<String, Object> traceback = new LinkedHashMap<>();
            traceback.put(LogMessage.MESSAGE_TYPE, ActionLog.TRACEBACK);
            traceback.put(LogMessage.EXCEPTION, error.getClass().getName());
            traceback.put(LogMessage.REASON, reason);
            traceback.put("traceback", stackTrace(error));
            log.emit(taskUuid, tracebackAt, traceback);
        }

        Map<String, Object> end = new LinkedHashMap<>();
        end.put(LogMessage.ACTION_TYPE, actionType);
        end.put(LogMessage.ACTION_STATUS, ActionStatus.FAILED.wire());
        end.put(LogMessage.EXCEPTION, error.getClass().getName());
        end.put(LogMessage.REASON, reason);
        log.emit(taskUuid, endAt, end);
        leaveThread();
        return error;
    }

    /** Logs success unless the action already ended. */
    @Override
    public void close() {
        succeed();
    }

    private void stopHeartbeats() {
        List<Heartbeat> toStop;
        synchronized (this) {
            toStop = List.copyOf(heartbeats);
            heartbeats.clear();
        }
        toStop.forEach(Heartbeat::close);
    }

    /** Gives the thread back the action it had before this one started, if this one is still its current action. */
    private void leaveThread() {
        if (Thread.currentThread() == startThread) {
            log.restoreCurrent(this, previousOnThread);
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Override
    public String toString() {
        return actionType + " " + taskUuid + level.serialize();
    }
}
