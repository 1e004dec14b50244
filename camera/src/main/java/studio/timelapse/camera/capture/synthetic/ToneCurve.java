package studio.timelapse.camera.capture.synthetic;

import java.util.function.DoubleUnaryOperator;

/**
 * Linear sensor signal to 8-bit sRGB levels, as a lookup table: the standard curve clips at full scale; the HDR
 * curve compresses highlights up to eight times full scale (a Reinhard curve) before the sRGB gamma, as a camera's
 * HDR mode keeps the sun and the bright sky from clipping.
 */
final class ToneCurve {
    private static final int STANDARD_STEPS = 1 << 14;
    private static final int HDR_STEPS = 1 << 15;
    private static final double HDR_RANGE = 8;
    /** Brightens HDR's mid-tones so mid-grey stays about where the standard curve puts it. */
    private static final double HDR_LIFT = 1.6;

    /** Unsigned 8-bit levels, as bytes so that the table stays in the processor's fastest cache. */
    final byte[] levels;
    /** Table index per unit of linear signal. */
    final float scale;
    final double range;

    private ToneCurve(int steps, double range, DoubleUnaryOperator toDisplay) {
        this.levels = new byte[steps];
        this.range = range;
        this.scale = (float) ((steps - 1) / range);
        for (int i = 0; i < steps; i++) {
            double display = toDisplay.applyAsDouble(i / (double) scale);
            levels[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, display)));
        }
    }

    static ToneCurve standard() {
        return new ToneCurve(STANDARD_STEPS, 1, ToneCurve::srgb);
    }

    static ToneCurve hdr() {
        double white = HDR_RANGE * HDR_LIFT;
        return new ToneCurve(HDR_STEPS, HDR_RANGE, linear -> {
            double lifted = linear * HDR_LIFT;
            return srgb(lifted * (1 + lifted / (white * white)) / (1 + lifted));
        });
    }

    private static double srgb(double linear) {
        return linear <= 0.0031308 ? 12.92 * linear : 1.055 * StrictMath.pow(linear, 1 / 2.4) - 0.055;
    }
}
