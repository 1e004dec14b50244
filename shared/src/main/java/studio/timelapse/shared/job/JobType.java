package studio.timelapse.shared.job;

import java.time.Duration;
import java.util.Optional;

/**
 * A kind of job: its name, queue, parameter and checkpoint types (both JSON-serializable records), and its body.
 *
 * <p>The body is written as chunks: it resumes from {@link JobContext#checkpoint()}, and after each chunk calls
 * {@link JobContext#chunkDone} with the new checkpoint. Bodies must be idempotent per chunk: after a crash the chunk
 * that was under way runs again (side effects committed with the checkpoint, through
 * {@link JobContext#chunkDone(Object, long, studio.timelapse.shared.db.SqlWork)}, run exactly once).
 *
 * @param <P> parameters, fixed at submission
 * @param <C> checkpoint, replaced after every chunk
 */
public interface JobType<P, C> {

    /** Unique name, also the action type of each run: {@code studio:sync}. */
    String name();

    /** The queue whose workers run it: {@code sync}, {@code ingest}, {@code render}. */
    String queue();

    Class<P> parametersType();

    Class<C> checkpointType();

    /** Runs (or resumes) the job; returns normally when it is done. */
    void run(JobContext<P, C> context) throws Exception;

    /** How failures are retried. */
    default RetryPolicy retry() {
        return RetryPolicy.standard();
    }

    /** How long a run should take, when known; a run past twice this is flagged unusually long. */
    default Optional<Duration> expectedDuration() {
        return Optional.empty();
    }
}
