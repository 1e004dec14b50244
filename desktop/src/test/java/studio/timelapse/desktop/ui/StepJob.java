package studio.timelapse.desktop.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobType;

/**
 * A job of {@code steps} chunks, one "frame" each, for the screens' tests. Each step waits for a permit from the
 * job type's gate (the test decides how far jobs get), and a job asked to fail fails after its first step.
 */
public final class StepJob implements JobType<StepJob.Params, StepJob.Next> {
    public record Params(int steps, boolean fail) {}

    public record Next(int step) {}

    public static final String NAME = "test:steps";

    private final Semaphore gate;
    private final Optional<Duration> expected;

    private StepJob(Semaphore gate, Optional<Duration> expected) {
        this.gate = gate;
        this.expected = expected;
    }

    /** Steps wait for {@link #allow}. */
    public static StepJob gated() {
        return new StepJob(new Semaphore(0), Optional.empty());
    }

    /** Steps run freely. */
    public static StepJob free() {
        return new StepJob(new Semaphore(Integer.MAX_VALUE), Optional.empty());
    }

    /** Gated, and expected to take {@code expected}: past twice that it is flagged unusually long. */
    public static StepJob gatedExpecting(Duration expected) {
        return new StepJob(new Semaphore(0), Optional.of(expected));
    }

    public void allow(int steps) {
        gate.release(steps);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String queue() {
        return "steps";
    }

    @Override
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public Class<Next> checkpointType() {
        return Next.class;
    }

    @Override
    public Optional<Duration> expectedDuration() {
        return expected;
    }

    @Override
    public void run(JobContext<Params, Next> job) throws Exception {
        job.total(job.parameters().steps(), "frames");
        for (int step = job.checkpoint().map(Next::step).orElse(0); step < job.parameters().steps(); step++) {
            while (!gate.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                job.stopSignal().throwIfStopped();
            }
            if (job.parameters().fail()) {
                throw new IllegalStateException("the test asked this job to fail at step " + step);
            }
            job.chunkDone(new Next(step + 1), 1);
        }
    }
}
