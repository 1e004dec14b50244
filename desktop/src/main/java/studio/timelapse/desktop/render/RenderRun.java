package studio.timelapse.desktop.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Renders;
import studio.timelapse.desktop.render.encode.EncoderChoice;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.Encoders;
import studio.timelapse.desktop.render.encode.FrameRate;
import studio.timelapse.desktop.render.encode.SegmentJoiner;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.desktop.render.encode.VideoFrame;
import studio.timelapse.desktop.render.look.CaptureTimeOverlay;
import studio.timelapse.desktop.render.look.DeflickerPlan;
import studio.timelapse.desktop.render.look.DeflickerSettings;
import studio.timelapse.desktop.render.look.Easing;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.desktop.render.look.TitleOverlay;
import studio.timelapse.desktop.render.look.Viewport;
import studio.timelapse.desktop.render.look.ViewportKeyframe;
import studio.timelapse.desktop.render.look.ViewportPath;
import studio.timelapse.desktop.render.pipeline.FramePipeline;
import studio.timelapse.desktop.render.pipeline.FrameSize;
import studio.timelapse.desktop.render.pipeline.FrameStream;
import studio.timelapse.desktop.render.pipeline.PipelineReport;
import studio.timelapse.desktop.render.pipeline.PipelineSettings;
import studio.timelapse.desktop.render.pipeline.RenderedFrame;
import studio.timelapse.desktop.render.pipeline.SourceFrame;
import studio.timelapse.desktop.render.pipeline.YuvFormat;
import studio.timelapse.desktop.render.pipeline.YuvPlanes;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.JobContext;

/**
 * One run of a render job, from where its checkpoint says it stands:
 *
 * <ol>
 *   <li>the frame list is fixed at the first run and kept in the render's work folder, so a resumed render renders
 *       exactly the frames the first run chose (a camera still syncing into the sequence adds nothing halfway);</li>
 *   <li>the encoder is chosen once (the best available or the one asked for), logged with its reason, and kept;</li>
 *   <li>each segment of {@link RenderTuning#framesPerSegment} positions is encoded into its own MP4 starting with a
 *       key frame, several at once (one per core by default), and checkpointed in order: a segment file is complete
 *       on disk before the checkpoint counts it, and a later segment finished early is simply encoded again by a
 *       resumed run;</li>
 *   <li>the segments are joined into the output, which appears whole or not at all, and the work folder goes.</li>
 * </ol>
 */
final class RenderRun {
    private static final String PLAN_FILE = "plan.json";
    private static final ObjectMapper JSON = RenderJson.mapper();

    private final Optional<Library> library;
    private final ActionLog log;
    private final Encoders encoders;
    private final RenderTuning tuning;
    private final JobContext<RenderRequest, RenderJob.Checkpoint> job;
    private final RenderRequest request;
    private final Action action;

    RenderRun(Optional<Library> library, ActionLog log, Encoders encoders, RenderTuning tuning,
            JobContext<RenderRequest, RenderJob.Checkpoint> job) {
        this.library = library;
        this.log = log;
        this.encoders = encoders;
        this.tuning = tuning;
        this.job = job;
        this.request = job.parameters();
        this.action = job.action();
    }

    void run() throws Exception {
        Instant started = Instant.now();
        Path output = Path.of(request.output()).toAbsolutePath();
        Path work = workFolder(output, job.jobId());
        Files.createDirectories(work);
        // The sequence may have been archived or deleted while the render waited in the queue, or since a run stopped.
        refuseUnlessRenderable(request, library);
        RenderPlan plan = planOf(work);
        List<SourceFrame> frames = plan.frames();
        int perSegment = plan.framesPerSegment();

        EncoderChoice choice = job.checkpoint()
                .map(checkpoint -> encoders.choose(Optional.of(checkpoint.encoder())))
                .orElseGet(() -> encoders.choose(request.encoder()));
        String reason = job.checkpoint().map(RenderJob.Checkpoint::encoderReason).orElse(choice.reason());
        action.log("studio:render:encoder", Map.of("encoder", choice.factory().name(), "reason", reason,
                "resumed", job.checkpoint().isPresent()));

        int cores = Runtime.getRuntime().availableProcessors();
        int segments = (frames.size() + perSegment - 1) / perSegment;
        int segmentsAtOnce = Math.min(tuning.segmentsAtOnce(cores), Math.max(1, segments - job.checkpoint()
                .map(RenderJob.Checkpoint::segmentsDone).orElse(0)));
        FramePipeline pipeline = FramePipeline.prepare(frames, pipelineSettings(cores),
                look(frames.size()), log, job.stopSignal());
        FrameSize size = pipeline.outputSize();
        EncoderSettings settings = EncoderSettings.of(size.width(), size.height(), frameRate())
                .withQuality(request.quality())
                .withKeyFrameInterval(perSegment)
                .withThreads(tuning.encoderThreads(cores, segmentsAtOnce));
        pipeline.deflicker().ifPresent(deflicker -> action.log("studio:render:deflicker", Map.of(
                "window", deflicker.settings().window(),
                "before_step", DeflickerPlan.meanAbsoluteStep(deflicker.before()),
                "after_step", DeflickerPlan.meanAbsoluteStep(deflicker.after()))));

        job.total(frames.size(), "frames");
        RenderJob.Checkpoint checkpoint = job.checkpoint().orElse(
                new RenderJob.Checkpoint(choice.factory().name(), reason, 0, 0, 0));
        // Several segments are encoded at once; each is checkpointed in order, once it and all before it are done.
        try (InOrderTasks<PipelineReport> encoding = new InOrderTasks<>("render-segment", segmentsAtOnce, log,
                checkpoint.segmentsDone(), segments, segment -> {
                    int from = segment * perSegment;
                    int to = Math.min(frames.size(), from + perSegment);
                    return encodeSegment(pipeline, choice, settings, from, to, segmentFile(work, segment));
                })) {
            for (int segment = checkpoint.segmentsDone(); segment < segments; segment++) {
                PipelineReport report = encoding.next();
                job.stopSignal().throwIfStopped();
                int from = segment * perSegment;
                checkpoint = new RenderJob.Checkpoint(checkpoint.encoder(), checkpoint.encoderReason(), segment + 1,
                        checkpoint.framesWritten() + report.delivered().size(),
                        checkpoint.framesSkipped() + report.skipped().size());
                job.chunkDone(checkpoint, Math.min(frames.size(), from + perSegment) - from);
            }
        }

        List<Path> finished = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            Path file = segmentFile(work, segment);
            if (Files.exists(file)) {
                finished.add(file); // a segment whose frames all failed to decode has no file
            }
        }
        if (finished.isEmpty()) {
            throw new studio.timelapse.shared.refusal.RefusedException(studio.timelapse.shared.refusal.Refusal.of(
                    studio.timelapse.shared.refusal.Refusal.Kind.GUARD, "render.nothing_decoded",
                    "None of the " + frames.size() + " frames could be decoded",
                    "check the frames with 'timelapse library check'"));
        }
        Files.createDirectories(output.getParent());
        SegmentJoiner.JoinedVideo video = new SegmentJoiner(log).join(finished, output);
        action.addSuccessFields(Map.of("output", output.toString(), "encoder", checkpoint.encoder(),
                "frames", video.frames(), "skipped", checkpoint.framesSkipped(), "duration_ms",
                video.duration().toMillis(), "bytes", video.bytes(), "width", size.width(), "height", size.height()));
        record(video, checkpoint, started);
        deleteQuietly(work);
    }

    /**
     * Refuses a render of a sequence that is not active (see {@link RenderableSequence}); a folder is always renderable.
     */
    static void refuseUnlessRenderable(RenderRequest request, Optional<Library> library) {
        if (request.sequenceId().isPresent() && library.isPresent()) {
            RenderableSequence.require(library.get(), request.sequenceId().get());
        }
    }

    /** Encodes positions {@code [from, to)} into {@code file}; nothing is left at {@code file} unless it is whole. */
    private PipelineReport encodeSegment(FramePipeline pipeline, EncoderChoice choice, EncoderSettings settings,
            int from, int to, Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file); // a segment a killed run left half-written is encoded again
        Path partial = file.resolveSibling(file.getFileName() + ".partial.mp4");
        try (FrameStream stream = pipeline.open(from, to, new YuvFormat(settings.colourSpace(), settings.range()))) {
            VideoEncoder encoder = null;
            long index = 0;
            try {
                RenderedFrame frame;
                while ((frame = stream.next()) != null) {
                    try (RenderedFrame current = frame) {
                        job.stopSignal().throwIfStopped();
                        if (encoder == null) {
                            encoder = choice.factory().open(settings, partial);
                        }
                        encoder.encode(videoFrame(index++, current));
                    }
                }
                if (encoder != null) {
                    encoder.finish();
                    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                if (encoder != null) {
                    encoder.close();
                }
                Files.deleteIfExists(partial);
            }
            return stream.report();
        }
    }

    /** The frame for the encoder: the pipeline's YUV planes as they are, or its RGB pixels for it to convert. */
    private static VideoFrame videoFrame(long index, RenderedFrame frame) {
        if (frame.isYuv()) {
            YuvPlanes yuv = frame.yuv();
            return VideoFrame.ofYuv420(index, frame.width(), frame.height(), yuv.y(), yuv.u(), yuv.v());
        }
        return VideoFrame.ofIntRgb(index, frame.width(), frame.height(), frame.pixels());
    }

    /**
     * The frames of this render and its segment length: chosen at the first run and kept, so every run renders the
     * same frames in the same segments, whatever the tuning of the process that resumes it.
     */
    private RenderPlan planOf(Path work) throws IOException {
        Path file = work.resolve(PLAN_FILE);
        if (Files.exists(file)) {
            return JSON.readValue(file.toFile(), RenderPlan.class);
        }
        RenderPlan plan = new RenderPlan(tuning.framesPerSegment(request.fps()), RenderSource.resolve(request,
                library));
        Path partial = work.resolve(PLAN_FILE + ".partial");
        JSON.writeValue(partial.toFile(), plan);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        action.log("studio:render:frames_chosen", Map.of("frames", plan.frames().size(), "source",
                request.describeSource(), "frames_per_segment", plan.framesPerSegment()));
        return plan;
    }

    /** What a render renders, fixed at its first run. */
    record RenderPlan(int framesPerSegment, List<SourceFrame> frames) {}

    /** The frame pipeline of the render; its threads serve every segment being encoded. */
    private PipelineSettings pipelineSettings(int cores) {
        PipelineSettings settings = request.preview()
                ? PipelineSettings.preview()
                : PipelineSettings.of(request.sizePreset()).withFraming(request.framing());
        return settings.withFramesPerSecond(request.fps())
                .withThreads(tuning.pipelineThreads(cores));
    }

    private RenderLook look(int frameCount) {
        RenderLook look = RenderLook.plain();
        if (request.deflickerWindow().isPresent()) {
            look = look.withDeflicker(DeflickerSettings.window(request.deflickerWindow().get()));
        }
        if (request.blendFrames() > 1) {
            look = look.withBlend(request.blendFrames());
        }
        if (!request.viewport().isEmpty()) {
            List<ViewportKeyframe> keyframes = request.viewport().stream()
                    .map(stop -> new ViewportKeyframe(stop.time(),
                            new Viewport(stop.centreX(), stop.centreY(), stop.zoom())))
                    .toList();
            look = look.withViewport(ViewportPath.of(Easing.EASE_IN_OUT, keyframes));
        }
        if (request.timeFormat().isPresent()) {
            look = look.withOverlay(CaptureTimeOverlay.of(request.timeFormat().get()).at(request.timeCorner()));
        }
        if (request.title().isPresent()) {
            look = look.withOverlay(TitleOverlay.of(request.title().get()));
        }
        return look;
    }

    private FrameRate frameRate() {
        double fps = request.fps();
        return fps == Math.rint(fps) ? FrameRate.of((int) fps) : new FrameRate((int) Math.round(fps * 1001), 1001);
    }

    private void record(SegmentJoiner.JoinedVideo video, RenderJob.Checkpoint checkpoint, Instant started)
            throws IOException {
        if (library.isEmpty()) {
            return;
        }
        Renders.of(library.get()).record(request.sequenceId(), Long.toString(job.jobId()),
                JSON.writeValueAsString(request), video.file().toString(), checkpoint.encoder(), video.frames(),
                video.duration(), started, Instant.now());
    }

    /** The render's own folder beside its output: segments and the frame list, gone once the video is whole. */
    static Path workFolder(Path output, long jobId) {
        return output.resolveSibling("." + output.getFileName() + ".render-" + jobId);
    }

    private static Path segmentFile(Path work, int segment) {
        return work.resolve(String.format("segment-%05d.mp4", segment));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover segments cost disk space only; the video is complete.
        }
    }
}
