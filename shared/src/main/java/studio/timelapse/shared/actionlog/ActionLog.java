package studio.timelapse.shared.actionlog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import studio.timelapse.shared.process.LocalProcess;

/**
 * The causal action log: one per process, in eliot's message format. Every piece of work is an {@link Action};
 * the current action follows its thread and is carried to other threads with the {@code wrap} methods; a task
 * started in another process continues here through {@link #continueTask}.
 *
 * <p>Logging never throws into its caller. Messages go to every sink (files, a ring buffer) and to live
 * subscribers; a failing sink or subscriber is counted and skipped.
 */
public final class ActionLog implements AutoCloseable {
    /** The HTTP header that carries a serialized task id from one process to the next. */
    public static final String TASK_ID_HEADER = "X-Eliot-Task-Id";
    /** The action a continued task starts with, as eliot names it. */
    public static final String REMOTE_TASK = "eliot:remote_task";
    /** The message that carries a failed action's stack trace, as eliot names it. */
    public static final String TRACEBACK = "eliot:traceback";

    private final String process;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final Duration progressInterval;
    private final List<LogSink> sinks;
    private final List<Consumer<LogMessage>> subscribers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Action> current = new ThreadLocal<>();
    private final EliotJson json = new EliotJson();
    private final AtomicLong subscriberFailures = new AtomicLong();
    private final AtomicLong emitFailures = new AtomicLong();
    private final Object timerLock = new Object();
    private ScheduledExecutorService timer;

    private ActionLog(Builder builder) {
        this.process = builder.program + "@" + builder.host + ":" + LocalProcess.pid();
        this.clock = builder.clock;
        this.nanoClock = builder.nanoClock;
        this.progressInterval = builder.progressInterval;
        this.sinks = List.copyOf(builder.sinks);
    }

    /** A log for {@code program} ("studio", "camera"); add sinks on the builder. */
    public static Builder builder(String program) {
        return new Builder(program);
    }

    /** The value of every message's {@code process} field: program, host and process id. */
    public String process() {
        return process;
    }

    /** Starts an action: a child of this thread's current action, or the root of a new task if there is none. */
    public Action start(String actionType, Object... fields) {
        return start(actionType, Fields.of(fields));
    }

    public Action start(String actionType, Map<String, ?> fields) {
        Action parent = current.get();
        Map<String, Object> safe = new LinkedHashMap<>();
        Fields.putAll(safe, fields);
        return parent == null ? begin(UUID.randomUUID().toString(), TaskLevel.root(), actionType, safe)
                : startUnder(parent, actionType, safe);
    }

    /** Starts the root action of a new task, whatever this thread is doing (for work that outlives its cause). */
    public Action startTask(String actionType, Object... fields) {
        return begin(UUID.randomUUID().toString(), TaskLevel.root(), actionType, Fields.of(fields));
    }

    Action startUnder(Action parent, String actionType, Map<String, Object> fields) {
        Optional<TaskLevel> slot = parent.claimSlot();
        if (slot.isEmpty()) {
            // The parent has ended: as with a late message, start a task of its own that names it.
            fields.put(Action.LATE_FOR, parent.lateFor());
            return begin(UUID.randomUUID().toString(), TaskLevel.root(), actionType, fields);
        }
        return begin(parent.taskUuid(), slot.get(), actionType, fields);
    }

    /**
     * Continues a task that another process started, from the serialized id it sent ({@code <uuid>@/3/2}). The new
     * action, {@value #REMOTE_TASK}, becomes this thread's current action.
     *
     * @throws IllegalArgumentException if the id is malformed; callers at a protocol boundary answer 400 and log
     *     the request as a task of its own
     */
    public Action continueTask(String serializedTaskId, Object... fields) {
        int at = serializedTaskId.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("a task id is <task_uuid>@/<level>: " + serializedTaskId);
        }
        String uuid = serializedTaskId.substring(0, at);
        TaskLevel level = TaskLevel.parse(serializedTaskId.substring(at + 1));
        if (level.depth() == 0) {
            throw new IllegalArgumentException("a task id names a reserved child level: " + serializedTaskId);
        }
        return begin(uuid, level, REMOTE_TASK, Fields.of(fields));
    }

    private Action begin(String taskUuid, TaskLevel level, String actionType, Map<String, Object> fields) {
        Action previous = current.get();
        Action action = new Action(this, taskUuid, level, actionType, previous);
        current.set(action);
        action.logStart(fields);
        return action;
    }

    /**
     * Logs a plain message: inside this thread's current action, or as a task of its own when there is none.
     */
    public void message(String messageType, Object... fields) {
        message(messageType, Fields.of(fields));
    }

    /** As {@link #message(String, Object...)}, with the fields in a map. */
    public void message(String messageType, Map<String, ?> fields) {
        Action action = current.get();
        if (action != null) {
            action.log(messageType, fields);
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(LogMessage.MESSAGE_TYPE, messageType);
        Fields.putAll(message, fields);
        emit(UUID.randomUUID().toString(), TaskLevel.of(1), message);
    }

    /** This thread's current action. */
    public Optional<Action> current() {
        return Optional.ofNullable(current.get());
    }

    /** Runs {@code body} as an action: it fails with the exception the body throws, and succeeds otherwise. */
    public <E extends Exception> void run(String actionType, Map<String, ?> fields, ActionBody<E> body) throws E {
        try (Action action = start(actionType, fields)) {
            try {
                body.run(action);
            } catch (Exception | Error e) {
                action.fail(e);
                throw e;
            }
        }
    }

    /** Computes a value as an action: it fails with the exception the body throws, and succeeds otherwise. */
    public <T, E extends Exception> T call(String actionType, Map<String, ?> fields, ActionFunction<T, E> body) throws E {
        try (Action action = start(actionType, fields)) {
            try {
                return body.apply(action);
            } catch (Exception | Error e) {
                action.fail(e);
                throw e;
            }
        }
    }

    /** The body of an action run by {@link #run}. */
    @FunctionalInterface
    public interface ActionBody<E extends Exception> {
        void run(Action action) throws E;
    }

    /** The body of an action computed by {@link #call}. */
    @FunctionalInterface
    public interface ActionFunction<T, E extends Exception> {
        T apply(Action action) throws E;
    }

    // --- carrying the current action to other threads ---

    /** {@code task} will run inside the action that is current now, on whichever thread runs it. */
    public Runnable wrap(Runnable task) {
        Action captured = current.get();
        return () -> {
            Action before = enter(captured);
            try {
                task.run();
            } finally {
                leave(before);
            }
        };
    }

    public <T> Callable<T> wrap(Callable<T> task) {
        Action captured = current.get();
        return () -> {
            Action before = enter(captured);
            try {
                return task.call();
            } finally {
                leave(before);
            }
        };
    }

    /** For {@code CompletableFuture.supplyAsync}. */
    public <T> Supplier<T> wrapSupplier(Supplier<T> task) {
        Action captured = current.get();
        return () -> {
            Action before = enter(captured);
            try {
                return task.get();
            } finally {
                leave(before);
            }
        };
    }

    /** For {@code thenApply}/{@code thenApplyAsync} stages. */
    public <T, R> Function<T, R> wrapFunction(Function<T, R> stage) {
        Action captured = current.get();
        return value -> {
            Action before = enter(captured);
            try {
                return stage.apply(value);
            } finally {
                leave(before);
            }
        };
    }

    /** For {@code thenAccept}/{@code thenAcceptAsync} stages. */
    public <T> Consumer<T> wrapConsumer(Consumer<T> stage) {
        Action captured = current.get();
        return value -> {
            Action before = enter(captured);
            try {
                stage.accept(value);
            } finally {
                leave(before);
            }
        };
    }

    private Action enter(Action action) {
        Action before = current.get();
        setCurrent(action);
        return before;
    }

    private void leave(Action before) {
        setCurrent(before);
    }

    private void setCurrent(Action action) {
        if (action == null) {
            current.remove();
        } else {
            current.set(action);
        }
    }

    void restoreCurrent(Action ending, Action previous) {
        if (current.get() == ending) {
            setCurrent(previous);
        }
    }

    // --- subscribers and sinks ---

    /** Live subscribers see every message after the sinks; close the returned handle to stop. */
    public AutoCloseable subscribe(Consumer<LogMessage> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Messages that some sink could not keep, plus messages that could not be built at all. */
    public long dropped() {
        long dropped = emitFailures.get();
        for (LogSink sink : sinks) {
            dropped += sink.dropped();
        }
        return dropped;
    }

    /** Subscriber calls that threw (the subscriber was skipped for that message). */
    public long subscriberFailures() {
        return subscriberFailures.get();
    }

    public List<LogSink> sinks() {
        return sinks;
    }

    void emit(String taskUuid, TaskLevel level, Map<String, Object> fields) {
        LogMessage message;
        byte[] line;
        try {
            fields.put(LogMessage.PROCESS, process);
            Instant now = clock.instant();
            double timestamp = now.getEpochSecond() + now.getNano() / 1e9;
            message = new LogMessage(taskUuid, level, timestamp, fields);
            line = json.toLine(message);
        } catch (RuntimeException e) {
            emitFailures.incrementAndGet();
            return;
        }
        for (LogSink sink : sinks) {
            try {
                sink.accept(message, line);
            } catch (RuntimeException e) {
                emitFailures.incrementAndGet();
            }
        }
        for (Consumer<LogMessage> subscriber : subscribers) {
            try {
                subscriber.accept(message);
            } catch (RuntimeException e) {
                subscriberFailures.incrementAndGet();
            }
        }
    }

    Duration progressInterval() {
        return progressInterval;
    }

    LongSupplier nanoClock() {
        return nanoClock;
    }

    ScheduledExecutorService timer() {
        synchronized (timerLock) {
            if (timer == null) {
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                    Thread thread = new Thread(runnable, "action-log-heartbeat");
                    thread.setDaemon(true);
                    return thread;
                });
                executor.setRemoveOnCancelPolicy(true);
                timer = executor;
            }
            return timer;
        }
    }

    /** Stops heartbeats and closes the sinks. */
    @Override
    public void close() {
        synchronized (timerLock) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        for (LogSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                emitFailures.incrementAndGet();
            }
        }
    }

    /** Builds an {@link ActionLog}. */
    public static final class Builder {
        private final String program;
        private String host = LocalProcess.hostName();
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoClock = System::nanoTime;
        private Duration progressInterval = Duration.ofMillis(500);
        private final List<LogSink> sinks = new ArrayList<>();

        private Builder(String program) {
            this.program = program;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder clock(Clock clock, LongSupplier nanoClock) {
            this.clock = clock;
            this.nanoClock = nanoClock;
            return this;
        }

        /** The least time between two progress messages of one action (the last one is always logged). */
        public Builder progressInterval(Duration interval) {
            this.progressInterval = interval;
            return this;
        }

        public Builder sink(LogSink sink) {
            sinks.add(sink);
            return this;
        }

        /**
         * Rotating JSON-lines files {@code <directory>/<program>.jsonl}: 16 MiB each, the current one and 8 older,
         * so at most about 150 MiB on disk.
         */
        public Builder logDirectory(Path directory) {
            return sink(new RotatingFileSink(directory, program, 16L << 20, 8));
        }

        public ActionLog build() {
            return new ActionLog(this);
        }
    }
}
