package studio.timelapse.desktop.render.pipeline;

import java.util.Objects;

/**
 * How the frame pipeline runs: output size and framing, the frame rate (for overlays timed in seconds), the decoder,
 * and how much runs at once.
 *
 * @param size the output size
 * @param framing fit (bars) or crop when the source's aspect differs; a keyframed viewport overrides it
 * @param framesPerSecond the video's frame rate
 * @param decoder which JPEG decoder
 * @param threads decode-and-scale worker threads (1–64), shared by the streams open at once; one per core by default
 * @param framesInFlight output frames that may exist at once, decoded ahead of the consumers included, across the
 *     streams open at once (at least {@code threads}); beyond it each open stream may always hold one (plus its blend
 *     window), so that its next frame can be rendered. This, times the frame size, bounds the pipeline's memory
 *     however long the render
 * @param fastDecode whether speed beats fidelity, as for a preview: reduced decodes may skip pixels (ImageIO's
 *     subsampling) instead of averaging them
 */
public record PipelineSettings(SizePreset size, Framing framing, double framesPerSecond, DecoderChoice decoder,
        int threads, int framesInFlight, boolean fastDecode) {

    public PipelineSettings {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(decoder, "decoder");
        if (!(framesPerSecond > 0 && framesPerSecond <= 240)) {
            throw new IllegalArgumentException("a frame rate is above 0 and at most 240, not " + framesPerSecond);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("the pipeline runs 1 to 64 threads, not " + threads);
        }
        if (framesInFlight < threads) {
            throw new IllegalArgumentException("at least one frame in flight per thread (" + threads + "), not "
                    + framesInFlight);
        }
    }

    /**
     * {@code size}, fitted, 25 fps, the fastest decoder, a thread per core and two frames in flight per thread.
     */
    public static PipelineSettings of(SizePreset size) {
        int threads = Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors()));
        return new PipelineSettings(size, Framing.FIT, 25, DecoderChoice.AUTO, threads, 2 * threads, false);
    }

    /** A quick look before the full render: 480p, fitted, reduced decodes wherever they still cover the output. */
    public static PipelineSettings preview() {
        return of(SizePreset.P480).withFastDecode();
    }

    public PipelineSettings withFraming(Framing newFraming) {
        return new PipelineSettings(size, newFraming, framesPerSecond, decoder, threads, framesInFlight, fastDecode);
    }

    public PipelineSettings withFramesPerSecond(double fps) {
        return new PipelineSettings(size, framing, fps, decoder, threads, framesInFlight, fastDecode);
    }

    public PipelineSettings withDecoder(DecoderChoice newDecoder) {
        return new PipelineSettings(size, framing, framesPerSecond, newDecoder, threads, framesInFlight, fastDecode);
    }

    /** {@code newThreads} workers and two frames in flight for each. */
    public PipelineSettings withThreads(int newThreads) {
        return new PipelineSettings(size, framing, framesPerSecond, decoder, newThreads, 2 * newThreads, fastDecode);
    }

    public PipelineSettings withFramesInFlight(int frames) {
        return new PipelineSettings(size, framing, framesPerSecond, decoder, threads, frames, fastDecode);
    }

    public PipelineSettings withSize(SizePreset newSize) {
        return new PipelineSettings(newSize, framing, framesPerSecond, decoder, threads, framesInFlight, fastDecode);
    }

    public PipelineSettings withFastDecode() {
        return new PipelineSettings(size, framing, framesPerSecond, decoder, threads, framesInFlight, true);
    }
}
