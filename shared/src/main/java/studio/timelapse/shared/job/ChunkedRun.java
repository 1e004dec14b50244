package studio.timelapse.shared.job;

import java.time.Clock;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ProgressReporter;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.db.SqlWork;

/** One run of one job: the {@link JobContext} its body sees. */
final class ChunkedRun<P, C> implements JobContext<P, C> {
    private final Job job;
    private final P parameters;
    private final Optional<C> checkpoint;
    private final Action action;
    private final StopSignal stop;
    private final JobStore store;
    private final JobJson json;
    private final String owner;
    private final Clock clock;
    private ProgressReporter progress;

    ChunkedRun(Job job, P parameters, Optional<C> checkpoint, Action action, StopSignal stop, JobStore store,
            JobJson json, String owner, Clock clock) {
        this.job = job;
        this.parameters = parameters;
        this.checkpoint = checkpoint;
        this.action = action;
        this.stop = stop;
        this.store = store;
        this.json = json;
        this.owner = owner;
        this.clock = clock;
        job.progressTotal().ifPresent(total -> {
            progress = action.progress(total, job.progressUnit().orElse("units"));
            progress.set(job.progressDone().orElse(0L));
        });
    }

    @Override
    public long jobId() {
        return job.id();
    }

    @Override
    public P parameters() {
        return parameters;
    }

    @Override
    public Optional<C> checkpoint() {
        return checkpoint;
    }

    @Override
    public int attempt() {
        return job.attempts();
    }

    @Override
    public Action action() {
        return action;
    }

    @Override
    public void total(long units, String unit) {
        store.setTotal(job.id(), units, unit);
        long done = progress == null ? job.progressDone().orElse(0L) : progress.done();
        progress = action.progress(units, unit);
        progress.set(done);
    }

    @Override
    public void chunkDone(C next, long units) {
        chunkDone(next, units, null);
    }

    @Override
    public void chunkDone(C next, long units, SqlWork<?> inSameTransaction) {
        String serialized = json.write(next, "the checkpoint of " + job.type());
        JobStore.ChunkOutcome outcome = store.saveChunk(job.id(), owner, serialized, units, clock.instant(),
                inSameTransaction);
        if (!outcome.stillOwned()) {
            stop.stop("job " + job.id() + " is no longer this runner's (it was recovered or cancelled elsewhere)");
        } else {
            if (progress != null) {
                progress.advance(units);
            }
            if (outcome.cancelRequested()) {
                stop.stop("cancelled");
            }
        }
        stop.throwIfStopped();
    }

    @Override
    public StopSignal stopSignal() {
        return stop;
    }
}
