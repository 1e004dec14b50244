package studio.timelapse.desktop.render.encode;

import java.util.Map;
import java.util.Objects;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * What an encoder makes: the same settings give every encoder's output the same size, rate and colours, and (as
 * near as each encoder's {@code quality} mapping allows) the same picture quality. Segments of one render share one
 * {@code EncoderSettings}, which is what lets {@link SegmentJoiner} join them.
 *
 * @param width output width in pixels; even, because H.264 with 4:2:0 chroma codes only even sizes
 * @param height output height in pixels; even
 * @param frameRate frames per second of the output
 * @param quality 0 (smallest file) to 100 (best picture); each encoder maps it to its own constant-quality control
 *     (x264's CRF, JCodec's QP) so that equal numbers give roughly equal picture quality — {@link #DEFAULT_QUALITY}
 *     is x264's CRF 20
 * @param colourSpace the RGB→YUV matrix, also written into the stream's colour tags
 * @param range limited (16–235, the default) or full range, also written into the stream
 * @param keyFrameInterval at most this many frames from one key frame to the next; every output starts with one
 * @param preset x264's speed/size trade-off ({@code ultrafast} … {@code veryslow}); other encoders ignore it
 * @param threads threads the encoder may use inside one stream; 0 lets it decide
 */
public record EncoderSettings(int width, int height, FrameRate frameRate, int quality, ColourSpace colourSpace,
        ColourRange range, int keyFrameInterval, String preset, int threads) {

    public static final int DEFAULT_QUALITY = 70;
    public static final String DEFAULT_PRESET = "veryfast";
    /** The largest side we encode: H.264 level 6.2 stops at 8192. */
    public static final int MAX_SIDE = 8192;

    public EncoderSettings {
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(colourSpace, "colourSpace");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(preset, "preset");
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw invalid("render.size_out_of_range", "A video of " + width + "x" + height + " cannot be encoded",
                    "choose a size between 2x2 and " + MAX_SIDE + "x" + MAX_SIDE, width, height);
        }
        if (width % 2 != 0 || height % 2 != 0) {
            throw invalid("render.size_odd", "H.264 with 4:2:0 colour needs an even width and height, not "
                    + width + "x" + height, "use " + (width & ~1) + "x" + (height & ~1) + " (one pixel less where odd)",
                    width, height);
        }
        if (quality < 0 || quality > 100) {
            throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.quality_out_of_range",
                    "Quality goes from 0 to 100, not " + quality, "choose a quality from 0 to 100")
                    .withDetails(Map.of("field", "quality")));
        }
        if (keyFrameInterval < 1) {
            throw new IllegalArgumentException("The key frame interval is at least 1 frame, not " + keyFrameInterval);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("Threads are 0 (the encoder decides) or more, not " + threads);
        }
    }

    /**
     * The defaults for a size and rate: quality {@value #DEFAULT_QUALITY}, BT.709 from 720 lines up (else BT.601),
     * limited range, a key frame at least every 10 seconds, x264 preset {@value #DEFAULT_PRESET}.
     */
    public static EncoderSettings of(int width, int height, FrameRate frameRate) {
        int tenSeconds = (int) Math.max(1, Math.round(frameRate.perSecond() * 10));
        return new EncoderSettings(width, height, frameRate, DEFAULT_QUALITY, ColourSpace.forSize(width, height),
                ColourRange.LIMITED, tenSeconds, DEFAULT_PRESET, 0);
    }

    public EncoderSettings withQuality(int newQuality) {
        return new EncoderSettings(width, height, frameRate, newQuality, colourSpace, range, keyFrameInterval, preset,
                threads);
    }

    public EncoderSettings withColour(ColourSpace newSpace, ColourRange newRange) {
        return new EncoderSettings(width, height, frameRate, quality, newSpace, newRange, keyFrameInterval, preset,
                threads);
    }

    public EncoderSettings withKeyFrameInterval(int frames) {
        return new EncoderSettings(width, height, frameRate, quality, colourSpace, range, frames, preset, threads);
    }

    public EncoderSettings withPreset(String newPreset) {
        return new EncoderSettings(width, height, frameRate, quality, colourSpace, range, keyFrameInterval, newPreset,
                threads);
    }

    public EncoderSettings withThreads(int newThreads) {
        return new EncoderSettings(width, height, frameRate, quality, colourSpace, range, keyFrameInterval, preset,
                newThreads);
    }

    private static RefusedException invalid(String code, String reason, String remedy, int width, int height) {
        return new RefusedException(Refusal.of(Refusal.Kind.INVALID, code, reason, remedy)
                .withDetails(Map.of("field", "size", "width", width, "height", height)));
    }
}
