package studio.timelapse.desktop.render.pipeline;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.desktop.render.look.DeflickerPlan;
import studio.timelapse.desktop.render.look.OverlayPainter;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Turns a list of JPEGs into finished output frames, in order, for one encoder: decoded and scaled in parallel,
 * deflickered, cropped, panned and zoomed, blended and overlaid as the {@link RenderLook} says.
 *
 * <p>{@link #prepare} does what must be known before the first frame: the decoder, the output size, and the
 * deflicker plan over the whole render (measuring each frame's brightness first if the library has not). Then
 * {@link #open} streams any range of positions, so that a render made in segments (to resume after a crash, or to
 * encode segments on several cores) gets exactly the frames, brightness and blending a render in one go would.
 *
 * <pre>{@code
 * FramePipeline pipeline = FramePipeline.prepare(frames, PipelineSettings.of(SizePreset.P1080), look, log, stop);
 * try (FrameStream stream = pipeline.open()) {
 *     AtomicLong index = new AtomicLong();
 *     stream.forEach(frame -> encoder.encode(                 // in order; each frame closed after it
 *             VideoFrame.ofIntRgb(index.getAndIncrement(), frame.width(), frame.height(), frame.pixels())));
 *     PipelineReport report = stream.report();                // which frames made it, which were skipped and why
 * }
 * }</pre>
 */
public final class FramePipeline {
    private final List<SourceFrame> frames;
    private final PipelineSettings settings;
    private final RenderLook look;
    private final JpegDecoders decoders;
    private final FrameSize outputSize;
    private final Optional<DeflickerPlan> deflicker;
    private final OverlayPainter overlays;
    private final ActionLog log;
    private final StopSignal stop;
    private final FrameWorkers workers;

    private FramePipeline(List<SourceFrame> frames, PipelineSettings settings, RenderLook look, JpegDecoders decoders,
            FrameSize outputSize, Optional<DeflickerPlan> deflicker, ActionLog log, StopSignal stop) {
        this.frames = frames;
        this.settings = settings;
        this.look = look;
        this.decoders = decoders;
        this.outputSize = outputSize;
        this.deflicker = deflicker;
        this.overlays = new OverlayPainter(look.overlays());
        this.log = log;
        this.stop = stop;
        this.workers = new FrameWorkers(this, settings.threads(), settings.framesInFlight());
    }

    /**
     * Chooses the decoder, settles the output size and plans the deflicker for {@code frames}, in render order.
     *
     * @throws RefusedException if the render cannot be made as asked: no frames, no decodable first frame for an
     *     "original" size, a decoder or fonts that are not there
     * @throws InterruptedException while measuring brightness
     */
    public static FramePipeline prepare(List<SourceFrame> frames, PipelineSettings settings, RenderLook look,
            ActionLog log, StopSignal stop) throws InterruptedException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(look, "look");
        List<SourceFrame> sources = List.copyOf(frames);
        try (Action action = log.start("studio:render:prepare_frames", "frames", sources.size(), "size",
                settings.size().label(), "framing", settings.framing().name().toLowerCase(java.util.Locale.ROOT),
                "threads", settings.threads(), "frames_in_flight", settings.framesInFlight(), "fast_decode",
                settings.fastDecode())) {
            try {
                if (sources.isEmpty()) {
                    throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.no_frames",
                            "There are no frames to render", "choose a sequence, folder or time range with frames"));
                }
                JpegDecoders decoders = JpegDecoders.choose(settings.decoder());
                action.log("studio:render:decoder", "decoder", decoders.name(), "reason", decoders.reason());
                if (!look.overlays().isEmpty()) {
                    OverlayPainter.checkFonts();
                }
                FrameSize size = outputSize(sources, settings.size());
                Optional<DeflickerPlan> plan = Optional.empty();
                if (look.deflicker().isPresent()) {
                    plan = Optional.of(DeflickerPlan.of(lumas(sources, decoders, settings, log, stop, action),
                            look.deflicker().get()));
                    action.addSuccessFields("flicker_before", round(DeflickerPlan.meanAbsoluteStep(plan.get().before())),
                            "flicker_after", round(DeflickerPlan.meanAbsoluteStep(plan.get().after())));
                }
                action.addSuccessFields("width", size.width(), "height", size.height(), "decoder", decoders.name());
                return new FramePipeline(sources, settings, look, decoders, size, plan, log, stop);
            } catch (RuntimeException e) {
                throw action.fail(e);
            } catch (InterruptedException e) {
                throw action.fail(e);
            }
        }
    }

    /** The library's lumas if it knows every frame's, else measured, so one definition covers the whole render. */
    private static double[] lumas(List<SourceFrame> sources, JpegDecoders decoders, PipelineSettings settings,
            ActionLog log, StopSignal stop, Action action) throws InterruptedException {
        if (sources.stream().allMatch(frame -> frame.meanLuma().isPresent())) {
            action.log("studio:render:luma_source", "source", "library");
            return sources.stream().mapToDouble(frame -> frame.meanLuma().getAsDouble()).toArray();
        }
        long known = sources.stream().filter(frame -> frame.meanLuma().isPresent()).count();
        action.log("studio:render:luma_source", "source", "measured", "known_by_library", known);
        return LumaSurvey.measure(sources, decoders, settings.threads(), log, stop);
    }

    private static FrameSize outputSize(List<SourceFrame> sources, SizePreset preset) {
        if (preset != SizePreset.ORIGINAL) {
            return preset.resolve(0, 0);
        }
        StringBuilder reasons = new StringBuilder();
        for (SourceFrame frame : sources) {
            try {
                int[] size = JpegProbe.size(frame.file());
                return preset.resolve(size[0], size[1]);
            } catch (IOException | UndecodableFrameException e) {
                if (reasons.length() < 500) {
                    reasons.append(frame.file().getFileName()).append(": ").append(e.getMessage()).append("; ");
                }
            }
        }
        throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.no_readable_frame",
                "No frame could be read to find the original size (" + reasons + ")",
                "choose a size preset such as 1080p, or check the frames"));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Streams every frame. */
    public FrameStream open() {
        return open(0, frames.size());
    }

    /**
     * Streams the frames at positions {@code [from, to)}, exactly as they come out of a stream of the whole render:
     * frame blending reads the neighbours outside the range too.
     */
    public FrameStream open(int from, int to) {
        requireRange(from, to);
        return new FrameStream(this, from, to, Optional.empty());
    }

    private void requireRange(int from, int to) {
        if (from < 0 || to > frames.size() || from > to) {
            throw new IllegalArgumentException("positions " + from + " to " + to + " are not within the render's "
                    + frames.size() + " frames");
        }
    }

    /**
     * Streams the frames at positions {@code [from, to)} as {@link YuvPlanes} in {@code format} if the look allows
     * ({@link #deliversYuv()}), else as RGB pixels: an encoder's frames, converted from the JPEG's YCbCr once.
     */
    public FrameStream open(int from, int to, YuvFormat format) {
        Objects.requireNonNull(format, "format");
        requireRange(from, to);
        return new FrameStream(this, from, to, deliversYuv() ? Optional.of(format) : Optional.empty());
    }

    /**
     * Whether {@link #open(int, int, YuvFormat)} delivers YUV planes: when the look needs no RGB pixels (no overlays
     * to paint, no frames to blend). Deflicker and keyframed crop, pan and zoom work on the planes as they are.
     */
    public boolean deliversYuv() {
        return look.overlays().isEmpty() && look.blendFrames() <= 1;
    }

    public FrameSize outputSize() {
        return outputSize;
    }

    /** The render's length in positions (frames that fail to decode will be missing from the output). */
    public int frames() {
        return frames.size();
    }

    /** The deflicker plan with its before, target and after curves, if deflicker is on. */
    public Optional<DeflickerPlan> deflicker() {
        return deflicker;
    }

    /** Which decoder, in words: "ffmpeg mjpeg". */
    public String decoderName() {
        return decoders.name();
    }

    /** Why that decoder. */
    public String decoderReason() {
        return decoders.reason();
    }

    List<SourceFrame> sources() {
        return frames;
    }

    PipelineSettings settings() {
        return settings;
    }

    RenderLook look() {
        return look;
    }

    OverlayPainter overlays() {
        return overlays;
    }

    ActionLog log() {
        return log;
    }

    StopSignal stop() {
        return stop;
    }

    /** The decode-and-scale threads, shared by every stream open at once (the segments of a render). */
    FrameWorkers workers() {
        return workers;
    }

    double gain(int position) {
        return deflicker.map(plan -> plan.gain(position)).orElse(1.0);
    }

    /** A renderer for one worker thread, with its own decoders and buffers. */
    FrameRenderer newRenderer(Optional<YuvFormat> yuv) {
        boolean reduce = settings.fastDecode() || decoders.reducesByFiltering();
        return new FrameRenderer(decoders.factory().get(), decoders.fallback().orElse(null), outputSize,
                settings.framing(), look.viewport(), frames.size(), reduce, yuv);
    }

    @Override
    public String toString() {
        return "FramePipeline[" + frames.size() + " frames → " + outputSize + ", " + decoders.name() + ", "
                + Arrays.asList(settings.threads(), settings.framesInFlight()) + "]";
    }
}
