package studio.timelapse.desktop.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.desktop.render.pipeline.Framing;
import studio.timelapse.desktop.render.pipeline.SizePreset;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * A render as the user asked for it: the render job's parameters, kept as JSON with the job so a resumed render makes
 * the same video. Exactly one source: a library sequence or a folder of JPEGs.
 *
 * @param sequenceId the library sequence to render
 * @param folder a folder of JPEGs to render (the command line's {@code render DIR}), in capture order
 * @param from only frames captured at or after this instant
 * @param to only frames captured before this instant
 * @param every every Nth frame of what is left (1: all)
 * @param size a {@link SizePreset} label: 480p, 720p, 1080p, 1440p, 2160p or original
 * @param crop fill the output and crop what does not fit (else fit, with bars)
 * @param fps frames per second of the video
 * @param quality 0–100, the same scale for every encoder
 * @param encoder {@code jcodec} or {@code x264}; empty for the best available
 * @param deflickerWindow frames in deflicker's rolling window; empty for no deflicker
 * @param blendFrames neighbouring frames averaged into each for motion blur (1: none)
 * @param timeFormat a java.time pattern for the capture-time overlay; empty for none
 * @param timeCorner where the capture time goes
 * @param title an optional title shown at the start
 * @param viewport keyframes for crop, pan and zoom, in render order; empty for a still frame
 * @param preview a quick low-resolution look: 480p, fast decoding, at most {@link #PREVIEW_FRAMES} frames
 * @param output the MP4 to write (absolute)
 */
public record RenderRequest(Optional<Long> sequenceId, Optional<String> folder, Optional<Instant> from,
        Optional<Instant> to, int every, String size, boolean crop, double fps, int quality, Optional<String> encoder,
        Optional<Integer> deflickerWindow, int blendFrames, Optional<String> timeFormat, Corner timeCorner,
        Optional<String> title, List<ViewportStop> viewport, boolean preview, String output) {

    public static final int PREVIEW_FRAMES = 240;

    /** A crop/pan/zoom keyframe: at {@code time} (0 = first frame, 1 = last) the view centred there, zoomed. */
    public record ViewportStop(double time, double centreX, double centreY, double zoom) {}

    public RenderRequest {
        sequenceId = sequenceId == null ? Optional.empty() : sequenceId;
        folder = folder == null ? Optional.empty() : folder;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        encoder = encoder == null ? Optional.empty() : encoder;
        deflickerWindow = deflickerWindow == null ? Optional.empty() : deflickerWindow;
        timeFormat = timeFormat == null ? Optional.empty() : timeFormat;
        title = title == null ? Optional.empty() : title;
        timeCorner = timeCorner == null ? Corner.BOTTOM_RIGHT : timeCorner;
        viewport = viewport == null ? List.of() : List.copyOf(viewport);
        List<Refusal> problems = problems(sequenceId, folder, from, to, every, size, fps, quality, encoder,
                deflickerWindow, blendFrames, output);
        if (!problems.isEmpty()) {
            throw new RefusedException(problems.get(0).withDetails(Map.of("problems",
                    problems.stream().map(Refusal::reason).toList())));
        }
    }

    /** A render of a sequence at 1080p, 25 fps, default quality, best encoder. */
    public static RenderRequest ofSequence(long sequenceId, String output) {
        return new RenderRequest(Optional.of(sequenceId), Optional.empty(), Optional.empty(), Optional.empty(), 1,
                "1080p", false, 25, 70, Optional.empty(), Optional.empty(), 1, Optional.empty(), Corner.BOTTOM_RIGHT,
                Optional.empty(), List.of(), false, output);
    }

    /** A render of a folder of JPEGs at 1080p, 25 fps, default quality, best encoder. */
    public static RenderRequest ofFolder(String folder, String output) {
        return new RenderRequest(Optional.empty(), Optional.of(folder), Optional.empty(), Optional.empty(), 1,
                "1080p", false, 25, 70, Optional.empty(), Optional.empty(), 1, Optional.empty(), Corner.BOTTOM_RIGHT,
                Optional.empty(), List.of(), false, output);
    }

    /** This render of {@code sequenceId} between {@code from} and {@code to}, into {@code output}. */
    public RenderRequest forRange(long sequence, Optional<Instant> rangeFrom, Optional<Instant> rangeTo,
            String newOutput) {
        return new RenderRequest(Optional.of(sequence), Optional.empty(), rangeFrom, rangeTo, every, size, crop, fps,
                quality, encoder, deflickerWindow, blendFrames, timeFormat, timeCorner, title, viewport, preview,
                newOutput);
    }

    public SizePreset sizePreset() {
        return preview ? SizePreset.P480 : SizePreset.parse(size);
    }

    public Framing framing() {
        return crop ? Framing.CROP : Framing.FIT;
    }

    public String describeSource() {
        return sequenceId.map(id -> "sequence " + id).orElseGet(() -> "folder " + folder.orElseThrow());
    }

    private static List<Refusal> problems(Optional<Long> sequenceId, Optional<String> folder, Optional<Instant> from,
            Optional<Instant> to, int every, String size, double fps, int quality, Optional<String> encoder,
            Optional<Integer> deflickerWindow, int blendFrames, String output) {
        List<Refusal> problems = new ArrayList<>();
        if (sequenceId.isPresent() == folder.isPresent()) {
            problems.add(invalid("render.source", "A render takes one source: a sequence or a folder of JPEGs",
                    "give --sequence ID or a folder, not both or neither"));
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            problems.add(invalid("render.range", "The time range ends (" + to.get() + ") before it starts ("
                    + from.get() + ")", "give --from before --to"));
        }
        if (every < 1) {
            problems.add(invalid("render.every", "Every Nth frame needs N of at least 1, not " + every,
                    "give --every 1 for every frame"));
        }
        try {
            SizePreset.parse(size);
        } catch (RuntimeException e) {
            problems.add(invalid("render.size", "Unknown size '" + size + "'",
                    "choose 480p, 720p, 1080p, 1440p, 2160p or original"));
        }
        if (!(fps >= 1 && fps <= 120)) {
            problems.add(invalid("render.fps", "A video plays at 1 to 120 frames per second, not " + fps,
                    "choose for example 25 or 30"));
        }
        if (quality < 0 || quality > 100) {
            problems.add(invalid("render.quality", "Quality goes from 0 to 100, not " + quality,
                    "choose a quality from 0 to 100 (70 is the default)"));
        }
        encoder.filter(name -> !name.equals("jcodec") && !name.equals("x264") && !name.equals("x264-cli"))
                .ifPresent(name -> problems.add(invalid("render.encoder", "Unknown encoder '" + name + "'",
                        "choose jcodec or x264, or leave it out for the best one here")));
        deflickerWindow.filter(window -> window < 3).ifPresent(window -> problems.add(invalid(
                "render.deflicker_window", "Deflicker needs a window of at least 3 frames, not " + window,
                "give --deflicker 15, or leave the number out for the default")));
        if (blendFrames < 1 || blendFrames > 64) {
            problems.add(invalid("render.blend", "Blending averages 1 to 64 frames, not " + blendFrames,
                    "give --blend 3 for a little motion blur, 1 for none"));
        }
        if (output == null || output.isBlank() || !output.toLowerCase(java.util.Locale.ROOT).endsWith(".mp4")) {
            problems.add(invalid("render.output", "The output must be an .mp4 file, not '" + output + "'",
                    "give -o NAME.mp4"));
        }
        return problems;
    }

    private static Refusal invalid(String code, String reason, String remedy) {
        return Refusal.of(Refusal.Kind.INVALID, code, reason, remedy);
    }
}
