package studio.timelapse.shared.job;

import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.db.SqlWork;

/**
 * What a running job body sees: its parameters, the checkpoint to resume from, and the one call it makes after
 * every chunk.
 */
public interface JobContext<P, C> {

    long jobId();

    P parameters();

    /** Where to resume: empty on the first run, else the checkpoint of the last finished chunk. */
    Optional<C> checkpoint();

    /** Which attempt this is (1 on the first run). */
    int attempt();

    /** This run's action: log into it, start child actions under it. */
    Action action();

    /** Tells how much work there is, for progress and ETA (call again if it grows). */
    void total(long units, String unit);

    /**
     * Records a finished chunk: saves {@code checkpoint}, counts {@code units} of progress, and then stops the body
     * (with {@link studio.timelapse.shared.cancel.StoppedException}) if the job was cancelled or lost a lock.
     */
    void chunkDone(C checkpoint, long units);

    /**
     * As {@link #chunkDone(Object, long)}, with the chunk's own database changes committed in the same transaction
     * as the checkpoint, so that they happen exactly once whatever kills the process.
     */
    void chunkDone(C checkpoint, long units, SqlWork<?> inSameTransaction);

    /** Flipped by a cancel, a lost lock or a shutdown; long chunks may check it inside too. */
    StopSignal stopSignal();
}
