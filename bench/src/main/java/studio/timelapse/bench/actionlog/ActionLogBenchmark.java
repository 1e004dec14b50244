package studio.timelapse.bench.actionlog;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.Convention;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.ProgressReporter;

/**
 * Messages per second into the action log's file sink, as the camera agent and the studio log: every benchmark
 * thread works inside its own long action (a capture or sync session), all threads share one {@link ActionLog}
 * and so one file, as threads of one process do.
 *
 * <p>The primary score is operations per second; the secondary {@code messages} score is log lines per second
 * (one per {@code plainMessage}, two per action pair, and only the throttled {@code progress} lines for
 * {@code progressAdvance}). Run with {@code -t 1} and {@code -t 2}; see docs/benchmarks.md and bench/run-actionlog.sh.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The JSON path needs C2 to be fast; on a busy 2-core machine the compiler threads take over 10 s to get there.
@Warmup(iterations = 4, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ActionLogBenchmark {
    private static final String CAMERA = "pi-01";
    private static final long FRAME_BYTES = 2_457_600L;

    /** Lines written by this thread; JMH reports them per second as the {@code messages} score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Messages {
        public long messages;

        @Setup(Level.Iteration)
        public void reset() {
            messages = 0;
        }
    }

    /** This thread's long action (a sync session), current on the thread as the code under it would see it. */
    @State(Scope.Thread)
    public static class InAction {
        Action session;
        long sequence;

        @Setup(Level.Iteration)
        public void start(LogState state) {
            session = state.log.start("studio:sync:camera_session", "camera", CAMERA, "worker",
                    Thread.currentThread().getName());
            sequence = 0;
        }

        /** Checks that every operation logged inside the session, at the slot it should have. */
        @TearDown(Level.Iteration)
        public void end(LogState state) {
            if (state.log.current().orElse(null) != session) {
                throw new IllegalStateException("the session is not this thread's current action");
            }
            String taskId = session.serializeTaskId();
            String expected = session.taskUuid() + "@/" + (sequence + 2);
            if (!taskId.equals(expected)) {
                throw new IllegalStateException("operations were not logged in the session: next slot " + taskId
                        + ", expected " + expected);
            }
            session.close();
        }
    }

    /** This thread's long render action, reporting progress in a tight loop. */
    @State(Scope.Thread)
    public static class InProgress {
        Action render;
        ProgressReporter progress;
        private AutoCloseable subscription;

        @Setup(Level.Iteration)
        public void start(LogState state, Messages messages) {
            render = state.log.start("studio:render:encode", "sequence", "garden-2024", "fps", 30);
            progress = render.progress(1L << 40, "frames");
            String taskUuid = render.taskUuid();
            // Called on the thread that logs, so a plain field is safe; only the rare progress lines get here.
            subscription = state.log.subscribe(message -> {
                if (message.taskUuid().equals(taskUuid)
                        && Convention.PROGRESS.equals(message.get(LogMessage.MESSAGE_TYPE))) {
                    messages.messages++;
                }
            });
        }

        @TearDown(Level.Iteration)
        public void end() throws Exception {
            subscription.close();
            render.close();
        }
    }

    /** (a) A plain message with three fields inside the thread's current action. */
    @Benchmark
    public void plainMessage(LogState state, InAction in, Messages messages) {
        state.log.message("studio:frame:stored", "camera", CAMERA, "sequence", ++in.sequence, "bytes", FRAME_BYTES);
        messages.messages++;
    }

    /** (b) A child action, started with three fields and ended with two success fields: two lines. */
    @Benchmark
    public void actionPair(LogState state, InAction in, Messages messages) {
        try (Action download = state.log.start("studio:sync:download_frame",
                "camera", CAMERA, "sequence", ++in.sequence, "attempt", 1)) {
            download.addSuccessFields("bytes", FRAME_BYTES, "duration_ms", 42);
        }
        messages.messages += 2;
    }

    /**
     * (b') The same pair as the root of a new task (as for each request a server takes): adds a random UUID per
     * task.
     */
    @Benchmark
    public void actionPairNewTask(LogState state, Messages messages) {
        try (Action request = state.log.startTask("studio:http:get_frame",
                "camera", CAMERA, "path", "/api/v1/frames/latest", "attempt", 1)) {
            request.addSuccessFields("bytes", FRAME_BYTES, "status", 200);
        }
        messages.messages += 2;
    }

    /** (c) {@code progress.advance(1)} in a loop: throttled to a line per interval (500 ms), so mostly no I/O. */
    @Benchmark
    public void progressAdvance(InProgress in) {
        in.progress.advance(1);
    }
}
