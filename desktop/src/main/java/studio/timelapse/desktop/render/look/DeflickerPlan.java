package studio.timelapse.desktop.render.look;

import java.util.Arrays;
import java.util.Objects;

/**
 * The brightness correction of every frame of a render, computed once from every frame's measured mean luma (0–255)
 * before any frame is rendered, and kept as curves for the window and the command line.
 *
 * <p>How: the lumas are smoothed in the log domain (flicker from auto exposure is a factor, and a sunrise brightens
 * by factors too), first with a rolling median if {@linkplain DeflickerSettings#robust() robust}, then with a
 * rolling least-squares line over the window. In the middle of a sequence that line's value is the centred moving
 * average; at the ends, where a centred window does not fit, the window slides inward and the line extrapolates the
 * trend, so the first and last frames are neither flattened toward their neighbours' brightness nor left flickering.
 * The target is that smoothed curve; each frame's gain is target ÷ measured, limited to
 * {@linkplain DeflickerSettings#maxGain() the largest correction}.
 *
 * <p>How the gain is applied (by the pipeline): as one multiplicative factor on the frame's gamma-encoded 8-bit
 * values, clamped at 255. For a power-law transfer curve that is exactly an exposure change in linear light (a gain
 * g on encoded values is g^γ on light), it keeps colours' ratios, and it costs nothing: it is folded into the YCbCr to
 * RGB conversion. Near black, where sRGB's curve turns linear, and for cameras with strong S-shaped tone curves it is
 * an approximation; the measured flatness of the output (see the tests) is what counts.
 */
public final class DeflickerPlan {
    private static final double DARKEST = 0.5;

    private final DeflickerSettings settings;
    private final double[] before;
    private final double[] target;
    private final double[] gains;

    private DeflickerPlan(DeflickerSettings settings, double[] before, double[] target, double[] gains) {
        this.settings = settings;
        this.before = before;
        this.target = target;
        this.gains = gains;
    }

    /**
     * The plan for frames whose mean lumas (0–255, one per frame in render order) are {@code lumas}; a frame whose
     * luma is unknown ({@code NaN}) gets its neighbours' brightness as its target and gain 1.
     */
    public static DeflickerPlan of(double[] lumas, DeflickerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        int n = lumas.length;
        double[] logs = new double[n];
        boolean[] known = new boolean[n];
        for (int i = 0; i < n; i++) {
            known[i] = Double.isFinite(lumas[i]);
            logs[i] = known[i] ? Math.log(Math.max(DARKEST, lumas[i])) : Double.NaN;
        }
        double[] filled = fillUnknown(logs, known);
        double[] smoothed = lineFit(settings.robust() ? rollingMedian(filled, settings.window()) : filled,
                settings.window());
        double[] target = new double[n];
        double[] gains = new double[n];
        double limit = Math.log(settings.maxGain());
        for (int i = 0; i < n; i++) {
            target[i] = Math.exp(smoothed[i]);
            gains[i] = known[i] ? Math.exp(Math.max(-limit, Math.min(limit, smoothed[i] - logs[i]))) : 1;
        }
        return new DeflickerPlan(settings, lumas.clone(), target, gains);
    }

    public DeflickerSettings settings() {
        return settings;
    }

    public int frames() {
        return before.length;
    }

    /** The multiplicative correction for the frame at {@code position}. */
    public double gain(int position) {
        return gains[position];
    }

    /** The measured mean lumas, as given ({@code NaN} where unknown). */
    public double[] before() {
        return before.clone();
    }

    /** The smoothed brightness each frame is brought to. */
    public double[] target() {
        return target.clone();
    }

    public double[] gains() {
        return gains.clone();
    }

    /**
     * The mean lumas the corrected frames should have: measured × gain, at most 255. A prediction, since pixels
     * clip at white; the pipeline measures the real output of each frame too.
     */
    public double[] after() {
        double[] after = new double[before.length];
        for (int i = 0; i < after.length; i++) {
            after[i] = Math.min(255, before[i] * gains[i]);
        }
        return after;
    }

    /**
     * Flicker as one number: the mean absolute change of a brightness curve from one frame to the next, in luma
     * steps; frames whose luma is unknown are passed over.
     */
    public static double meanAbsoluteStep(double[] curve) {
        double sum = 0;
        int steps = 0;
        double previous = Double.NaN;
        for (double value : curve) {
            if (!Double.isFinite(value)) {
                continue;
            }
            if (Double.isFinite(previous)) {
                sum += Math.abs(value - previous);
                steps++;
            }
            previous = value;
        }
        return steps == 0 ? 0 : sum / steps;
    }

    /** Unknown values take the straight line between the nearest known ones (the nearest one at the ends). */
    private static double[] fillUnknown(double[] values, boolean[] known) {
        int n = values.length;
        double[] filled = values.clone();
        int previous = -1;
        for (int i = 0; i <= n; i++) {
            if (i < n && !known[i]) {
                continue;
            }
            for (int gap = previous + 1; gap < i; gap++) {
                if (previous < 0 && i == n) {
                    filled[gap] = Math.log(128); // nothing known at all: a neutral mid-grey
                } else if (previous < 0) {
                    filled[gap] = values[i];
                } else if (i == n) {
                    filled[gap] = values[previous];
                } else {
                    double t = (double) (gap - previous) / (i - previous);
                    filled[gap] = values[previous] + t * (values[i] - values[previous]);
                }
            }
            previous = i;
        }
        return filled;
    }

    /** A centred median whose window shrinks symmetrically at the ends, so that it does not bias a trend there. */
    private static double[] rollingMedian(double[] values, int window) {
        int n = values.length;
        int half = window / 2;
        double[] result = new double[n];
        double[] scratch = new double[2 * half + 1];
        for (int i = 0; i < n; i++) {
            int reach = Math.min(half, Math.min(i, n - 1 - i));
            int count = 2 * reach + 1;
            System.arraycopy(values, i - reach, scratch, 0, count);
            Arrays.sort(scratch, 0, count);
            result[i] = scratch[reach];
        }
        return result;
    }

    /**
     * Each value replaced by the least-squares line through the {@code window} values around it, evaluated at its
     * own position; the window stays whole and slides inward at the ends.
     */
    private static double[] lineFit(double[] values, int window) {
        int n = values.length;
        int size = Math.min(window, n);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            int first = Math.max(0, Math.min(i - window / 2, n - size));
            double meanX = first + (size - 1) / 2.0;
            double meanY = 0;
            for (int k = first; k < first + size; k++) {
                meanY += values[k];
            }
            meanY /= size;
            double covariance = 0;
            double variance = 0;
            for (int k = first; k < first + size; k++) {
                covariance += (k - meanX) * (values[k] - meanY);
                variance += (k - meanX) * (k - meanX);
            }
            double slope = variance == 0 ? 0 : covariance / variance;
            result[i] = meanY + slope * (i - meanX);
        }
        return result;
    }
}
