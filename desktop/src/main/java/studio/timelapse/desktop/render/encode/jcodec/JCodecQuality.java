package studio.timelapse.desktop.render.encode.jcodec;

/**
 * The quality setting (0–100) as the P-frame QP of our JCodec-based encoder, measured against x264 (docs/rendering.md,
 * "Quality"; bench/run-encoders.sh quality). From 50 up, each point gives JCodec the SSIM x264 reaches at the same
 * setting (JCodec paying with two to three times the bytes). Below 50, x264 keeps its picture almost unchanged while
 * its files shrink tenfold (it smooths the noise away), which JCodec cannot do at any QP; there the QP keeps rising
 * steadily, so that a lower setting still means a smaller file.
 */
final class JCodecQuality {
    /** Quality, then QP, at the measured points; linear in between. */
    private static final int[][] POINTS = {{0, 38}, {50, 27}, {60, 23}, {70, 19}, {80, 15}, {90, 12}, {100, 10}};

    private JCodecQuality() {}

    static int predictedFrameQp(int quality) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("Quality goes from 0 to 100, not " + quality);
        }
        for (int i = 1; i < POINTS.length; i++) {
            if (quality <= POINTS[i][0]) {
                int[] low = POINTS[i - 1];
                int[] high = POINTS[i];
                double share = (double) (quality - low[0]) / (high[0] - low[0]);
                return (int) Math.round(low[1] + share * (high[1] - low[1]));
            }
        }
        throw new AssertionError("quality " + quality);
    }
}
