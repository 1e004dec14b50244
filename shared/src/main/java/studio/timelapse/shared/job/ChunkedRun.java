package studio.timelapse.shared.job;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ProgressReporter;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.lock.Lease;

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
    private final List<Lease> leases;
    private ProgressReporter progress;
    private String unit;

    ChunkedRun(Job job, P parameters, Optional<C> checkpoint, Action action, StopSignal stop, JobStore store,
            JobJson json, String owner, Clock clock, List<Lease> leases) {
        this.job = job;
        this.parameters = parameters;
        this.checkpoint = checkpoint;
        this.action = action;
        this.stop = stop;
        this.store = store;
        this.json = json;
        this.owner = owner;
        this.clock = clock;
        this.leases = leases;
        this.unit = job.progressUnit().orElse("units");
        job.progressTotal().ifPresent(total -> {
            progress = action.progress(total, unit);
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
    public void total(long units, String newUnit) {
        store.setTotal(job.id(), units, newUnit);
        long done = progress == null ? job.progressDone().orElse(0L) : progress.done();
        unit = newUnit;
        progress = action.progress(units, newUnit);
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
                String text = progress.done() + "/" + progress.total() + " " + unit;
                leases.forEach(lease -> lease.reportProgress(text));
            }
            if (outcome.cancelRequested()) {
                stop.stop("cancelled");
            }
        }
        stop.throwIfStopped();
        for (Lease lease : leases) {
            // Between chunks long work makes sure it still holds its locks; a lost one stops it here, with the reason.
            lease.checkStillHeld();
        }
    }

    @Override
    public StopSignal stopSignal() {
        return stop;
    }
}
