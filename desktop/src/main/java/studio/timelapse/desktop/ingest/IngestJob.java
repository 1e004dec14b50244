package studio.timelapse.desktop.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Ingests;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Ingests every frame of the library that is not ingested yet, synced or imported, up to a given frame: thumbnail,
 * mean luma, histogram and exposure (see {@link FrameAnalyzer}), recorded with {@link Frames#recordIngest}.
 *
 * <p>Chunks of {@value #CHUNK} frames, analysed on every core; the checkpoint is the last frame id done, so a
 * resumed run goes on where the last chunk ended (and a chunk repeated after a crash records the same results
 * again). A frame whose file cannot be analysed is flagged with the reason ({@link Ingests#flagging}, in the
 * checkpoint's transaction) and logged; it never stops the job, and later runs leave it alone until the flag is
 * cleared.
 *
 * <p>Submit with {@link #submitOptions}: jobs asking for the same frames are one job.
 */
public final class IngestJob implements JobType<IngestJob.Params, IngestJob.Checkpoint> {
    public static final String NAME = "studio:ingest";
    public static final String QUEUE = "ingest";
    /** About a second of work on two cores: a cancel or shutdown waits no longer than that. */
    static final int CHUNK = 32;

    /** Ingest every waiting frame with an id up to {@code upToFrameId}. */
    public record Params(long upToFrameId) {}

    /** Frames up to {@code afterFrameId} are done: {@code ingested} analysed, {@code flagged} not analysable. */
    public record Checkpoint(long afterFrameId, long ingested, long flagged) {}

    private final Library library;
    private final FrameAnalyzer analyzer;
    private final int threads;

    public IngestJob(Library library, FrameAnalyzer analyzer, int threads) {
        this.library = library;
        this.analyzer = analyzer;
        this.threads = threads;
    }

    /** An ingest of everything the library holds now. */
    public static Params everythingIn(Library library) {
        return new Params(Ingests.of(library).newestFrameId());
    }

    /** Submissions for the same frames are one job: a timer or every sync may ask, and one job answers. */
    public static SubmitOptions submitOptions(Params params) {
        return SubmitOptions.key("ingest:up-to:" + params.upToFrameId());
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
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public Class<Checkpoint> checkpointType() {
        return Checkpoint.class;
    }

    @Override
    public Optional<Duration> expectedDuration() {
        return Optional.empty(); // grows with the frames waiting; the runner's history judges it
    }

    @Override
    public void run(JobContext<Params, Checkpoint> job) throws Exception {
        Ingests ingests = Ingests.of(library);
        Frames frames = Frames.of(library);
        long upTo = job.parameters().upToFrameId();
        Checkpoint at = job.checkpoint().orElse(new Checkpoint(0, 0, 0));
        job.total(at.ingested() + at.flagged() + ingests.countWaiting(at.afterFrameId(), upTo), "frames");
        try (AnalysisThreads pool = new AnalysisThreads(threads, library.log())) {
            for (List<Frame> batch = ingests.waiting(at.afterFrameId(), upTo, CHUNK); !batch.isEmpty();
                    batch = ingests.waiting(at.afterFrameId(), upTo, CHUNK)) {
                long ingested = 0;
                List<Ingests.Problem> problems = new ArrayList<>();
                for (AnalysisThreads.Outcome<Frame, FrameAnalysis> outcome : pool.map(batch, this::analyze)) {
                    Frame frame = outcome.item();
                    if (outcome.succeeded() && record(frames, frame, outcome.result(), job)) {
                        ingested++;
                    } else if (!outcome.succeeded()) {
                        IngestFailure failure = outcome.failure();
                        job.action().log("studio:ingest:frame_flagged", "frame_id", frame.id(), "path", frame.path(),
                                "kind", failure.kind().name(), "reason", failure.reason());
                        problems.add(new Ingests.Problem(frame.id(), failure.kind().name(), failure.reason(),
                                library.clock().instant()));
                    }
                }
                at = new Checkpoint(batch.get(batch.size() - 1).id(), at.ingested() + ingested,
                        at.flagged() + problems.size());
                job.chunkDone(at, batch.size(), ingests.flagging(problems));
            }
        }
        job.action().addSuccessFields("ingested", at.ingested(), "flagged", at.flagged());
    }

    private FrameAnalysis analyze(Frame frame) throws IngestFailure {
        Path file;
        try {
            file = FrameFiles.of(library).resolve(frame.path());
        } catch (IllegalArgumentException e) {
            throw new IngestFailure(IngestFailure.Kind.UNREADABLE, e.getMessage());
        }
        return analyzer.analyze(file);
    }

    /** Records one result; false when the frame went away meanwhile (deleted with its sequence). */
    private boolean record(Frames frames, Frame frame, FrameAnalysis analysis, JobContext<?, ?> job) {
        for (String note : analysis.notes()) {
            job.action().log("studio:ingest:note", "frame_id", frame.id(), "note", note);
        }
        try {
            frames.recordIngest(frame.id(), analysis.toLibrary());
            return true;
        } catch (RefusedException e) {
            if (e.refusals().stream().noneMatch(r -> r.kind() == Refusal.Kind.NOT_FOUND)) {
                throw e;
            }
            job.action().log("studio:ingest:frame_gone", "frame_id", frame.id(), "path", frame.path());
            return false;
        }
    }
}
