package studio.timelapse.desktop.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Ingests;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * Ingests every frame of the library that is not ingested yet, synced or imported, up to a given frame: thumbnail,
 * mean luma, histogram and exposure (see {@link FrameAnalyzer}), recorded with {@link Frames#recordingIngest}.
 *
 * <p>Chunks of {@value #CHUNK} frames, analysed on every core; each chunk's results, flags and checkpoint (the last
 * frame id done) commit in one transaction, so a resumed run goes on exactly where the last chunk ended. A frame whose
 * file cannot be analysed is flagged with the reason ({@link Ingests#flagging}) and logged; it never stops the job,
 * and later runs leave it alone until the flag is cleared.
 *
 * <p>Submit with {@link #submitOptions}: jobs asking for the same frames are one job.
 */
public final class IngestJob implements JobType<IngestJob.Params, IngestJob.Checkpoint> {
    public static final String NAME = "studio:ingest";
    public static final String QUEUE = "ingest";
    /** About a second of work on two cores: a cancel or shutdown waits no longer than that. */
    static final int CHUNK = 32;
    /** Chunks analysed at once: one being recorded or finishing, the next keeping the threads busy. */
    private static final int CHUNKS_IN_FLIGHT = 2;

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
    public void run(JobContext<Params, Checkpoint> job) throws Exception {
        Ingests ingests = Ingests.of(library);
        Frames frames = Frames.of(library);
        long upTo = job.parameters().upToFrameId();
        Checkpoint at = job.checkpoint().orElse(new Checkpoint(0, 0, 0));
        job.total(at.ingested() + at.flagged() + ingests.countWaiting(at.afterFrameId(), upTo), "frames");
        try (AnalysisThreads pool = new AnalysisThreads(threads, library.log())) {
            // Two chunks in flight: the threads analyse the next chunk while this thread records the last one, so
            // neither the commit nor the slowest frame of a chunk leaves a core idle.
            Deque<InFlight> inFlight = new ArrayDeque<>();
            long listedThrough = at.afterFrameId();
            boolean more = true;
            while (true) {
                while (more && inFlight.size() < CHUNKS_IN_FLIGHT) {
                    List<Frame> batch = ingests.waiting(listedThrough, upTo, CHUNK);
                    if (batch.isEmpty()) {
                        more = false;
                    } else {
                        listedThrough = batch.get(batch.size() - 1).id();
                        inFlight.add(new InFlight(batch, pool.submit(batch, this::analyze)));
                    }
                }
                InFlight done = inFlight.poll();
                if (done == null) {
                    break;
                }
                at = record(job, frames, ingests, done, at);
            }
        }
        job.action().addSuccessFields("ingested", at.ingested(), "flagged", at.flagged());
    }

    /** A chunk whose frames are being analysed. */
    private record InFlight(List<Frame> batch, AnalysisThreads.Pending<Frame, FrameAnalysis> analyses) {}

    /** Waits for a chunk's analyses and commits its results, flags and checkpoint in one transaction. */
    private Checkpoint record(JobContext<Params, Checkpoint> job, Frames frames, Ingests ingests, InFlight chunk,
            Checkpoint at) throws InterruptedException {
        Map<Long, studio.timelapse.desktop.library.FrameAnalysis> results = new LinkedHashMap<>();
        List<Ingests.Problem> problems = new ArrayList<>();
        for (AnalysisThreads.Outcome<Frame, FrameAnalysis> outcome : chunk.analyses().outcomes()) {
            Frame frame = outcome.item();
            if (outcome.succeeded()) {
                outcome.result().notes().forEach(note -> job.action().log("studio:ingest:note", "frame_id",
                        frame.id(), "note", note));
                results.put(frame.id(), outcome.result().toLibrary());
            } else {
                IngestFailure failure = outcome.failure();
                job.action().log("studio:ingest:frame_flagged", "frame_id", frame.id(), "path", frame.path(),
                        "kind", failure.kind().name(), "reason", failure.reason());
                problems.add(new Ingests.Problem(frame.id(), failure.kind().name(), failure.reason(),
                        library.clock().instant()));
            }
        }
        List<Frame> batch = chunk.batch();
        Checkpoint next = new Checkpoint(batch.get(batch.size() - 1).id(), at.ingested() + results.size(),
                at.flagged() + problems.size());
        SqlWork<Void> record = frames.recordingIngest(results);
        SqlWork<Void> flag = ingests.flagging(problems);
        job.chunkDone(next, batch.size(), connection -> {
            record.run(connection);
            return flag.run(connection);
        });
        return next;
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
}
