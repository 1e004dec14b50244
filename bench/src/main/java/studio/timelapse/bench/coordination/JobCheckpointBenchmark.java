package studio.timelapse.bench.coordination;

import java.time.Duration;
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
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * Job checkpoints per second: a job whose chunks do nothing but checkpoint, run by the real runner on SQLite, so the
 * score is the cost the runner adds to every chunk (one write transaction, the progress message, the stop checks).
 * One operation is a whole job of {@value #CHUNKS} chunks; the {@code checkpoints} score is per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class JobCheckpointBenchmark {
    static final int CHUNKS = 200;

    /** Checkpoints written; JMH reports them per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Checkpoints {
        public long checkpoints;

        @Setup(Level.Iteration)
        public void reset() {
            checkpoints = 0;
        }
    }

    /** A job that only checkpoints. */
    public static final class CheckpointOnly implements JobType<CheckpointOnly.Params, CheckpointOnly.Position> {
        public record Params(int chunks) {}

        public record Position(int next) {}

        @Override
        public String name() {
            return "bench:checkpoint";
        }

        @Override
        public String queue() {
            return "bench";
        }

        @Override
        public Class<Params> parametersType() {
            return Params.class;
        }

        @Override
        public Class<Position> checkpointType() {
            return Position.class;
        }

        @Override
        public void run(JobContext<Params, Position> job) {
            job.total(job.parameters().chunks(), "chunks");
            for (int chunk = job.checkpoint().map(Position::next).orElse(0); chunk < job.parameters().chunks(); chunk++) {
                job.chunkDone(new Position(chunk + 1), 1);
            }
        }
    }

    /** The runner on the benchmark's database. */
    @State(Scope.Benchmark)
    public static class Runner {
        final CheckpointOnly type = new CheckpointOnly();
        JobRunner runner;

        @Setup(Level.Trial)
        public void start(CoordinationState state) {
            runner = JobRunner.builder(state.db, state.log).queue("bench", 1).register(type)
                    .pollInterval(Duration.ofMillis(1)).build().start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            runner.close(Duration.ofSeconds(10));
        }
    }

    @Benchmark
    public Job jobOfCheckpoints(Runner runner, Checkpoints counter) throws InterruptedException {
        Job job = runner.runner.submit(runner.type, new CheckpointOnly.Params(CHUNKS), SubmitOptions.defaults());
        Job done = runner.runner.awaitFinished(job.id(), Duration.ofMinutes(1));
        if (done.state() != JobState.SUCCEEDED || done.chunksDone() != CHUNKS) {
            throw new IllegalStateException("the job did not finish its chunks: " + done);
        }
        counter.checkpoints += CHUNKS;
        return done;
    }
}
