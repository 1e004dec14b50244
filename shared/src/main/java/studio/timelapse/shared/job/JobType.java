package studio.timelapse.shared.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.lock.LockName;
import studio.timelapse.shared.lock.LockPolicy;

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

    /**
     * The locks a run holds from before its first chunk to its end ({@code sequence:12/render}); the runner takes
     * them as {@code job:<id>} and stops the run at its next chunk if one is lost.
     */
    default List<LockName> locks(P parameters) {
        return List.of();
    }

    /** What to do when a lock is held by other work: by default, try again in 10 s (not counted as an attempt). */
    default LockPolicy lockPolicy() {
        return LockPolicy.rescheduleAfter(Duration.ofSeconds(10));
    }

    /** How long a run should take, when known; a run past twice this is flagged unusually long. */
    default Optional<Duration> expectedDuration() {
        return Optional.empty();
    }
}
