package studio.timelapse.desktop.render.encode.jcodec;

/**
 * The quality setting (0–100) as the P-frame QP of our JCodec-based encoder. Calibrated so that one quality gives
 * JCodec and x264 about the same picture (SSIM against the source), JCodec paying with a larger file: see
 * docs/rendering.md, "Quality".
 */
final class JCodecQuality {
    private JCodecQuality() {}

    static int predictedFrameQp(int quality) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("Quality goes from 0 to 100, not " + quality);
        }
        return (int) Math.round(44 - 0.3 * quality);
    }
}
