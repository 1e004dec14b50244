package studio.timelapse.desktop.render;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.render.encode.Encoders;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.RetryPolicy;
import studio.timelapse.shared.lock.LockName;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * A render as a job of the {@code render} queue: the video is encoded in segments of a few seconds, each starting
 * with a key frame and checkpointed when finished, then the segments are joined into one MP4 without re-encoding. A
 * render killed at any point resumes at its first unfinished segment and makes the same single file, every frame once
 * (see {@link RenderRun}). A sequence's render holds {@code sequence:<id>/render}, so the sequence cannot be deleted
 * underneath it.
 */
public final class RenderJob implements JobType<RenderRequest, RenderJob.Checkpoint> {
    public static final String NAME = "studio:render";
    public static final String QUEUE = "render";

    /**
     * Where a render stands.
     *
     * @param encoder the encoder chosen at the first run, kept so every segment has the same one
     * @param encoderReason why it was chosen, for the log and the user
     * @param segmentsDone how many segments are encoded and on disk, in order
     * @param framesWritten frames in those segments
     * @param framesSkipped frames left out of them because they did not decode
     */
    public record Checkpoint(String encoder, String encoderReason, int segmentsDone, long framesWritten,
            long framesSkipped) {}

    private final Optional<Library> library;
    private final ActionLog log;
    private final Encoders encoders;
    private final RenderTuning tuning;

    /** @param library the library sequences come from and finished renders are recorded in; empty for folders only */
    public RenderJob(Optional<Library> library, ActionLog log, Encoders encoders, RenderTuning tuning) {
        this.library = library;
        this.log = log;
        this.encoders = encoders;
        this.tuning = tuning;
    }

    /** The render a job of this type was asked for; empty for jobs of other types. */
    public static Optional<RenderRequest> requestOf(Job job) {
        if (!job.type().equals(NAME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RenderJson.mapper().readValue(job.parametersJson(), RenderRequest.class));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // a render of an older version with other fields: not this one
        }
    }

    /**
     * Refuses, before it is queued, a render that could not run: a sequence that is not active, naming its state and
     * what to do. The job asks again when it runs, since the sequence may change while the render waits.
     *
     * @throws RefusedException WRONG_STATE or NOT_FOUND (see {@link RenderableSequence#require})
     */
    public void refuseUnlessRenderable(RenderRequest request) {
        RenderRun.refuseUnlessRenderable(request, library);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public Class<RenderRequest> parametersType() {
        return RenderRequest.class;
    }

    @Override
    public Class<Checkpoint> checkpointType() {
        return Checkpoint.class;
    }

    @Override
    public List<LockName> locks(RenderRequest request) {
        return request.sequenceId().map(id -> List.of(LockName.parse(SequenceCatalog.renderLock(id))))
                .orElse(List.of());
    }

    /** A sequence being changed or deleted right now: try again shortly. */
    @Override
    public LockPolicy lockPolicy() {
        return LockPolicy.rescheduleAfter(Duration.ofSeconds(5));
    }

    /** A render that failed for a reason (bad settings, no frames) fails again the same way: one retry at most. */
    @Override
    public RetryPolicy retry() {
        return tuning.retry();
    }

    @Override
    public void run(JobContext<RenderRequest, Checkpoint> job) throws Exception {
        new RenderRun(library, log, encoders, tuning, job).run();
    }
}
