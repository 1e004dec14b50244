package studio.timelapse.desktop.render.pipeline;

/**
 * How each output sample along one axis is made from source samples: the first source index and fixed-point weights
 * that sum to exactly {@link #ONE}.
 *
 * <p>Output sample {@code j} covers the source interval {@code [start + j·s, start + (j+1)·s)} with {@code s =
 * length / outputs}. Downscaling ({@code s ≥ 1}) integrates that interval exactly: each source pixel weighs by how
 * much of it the interval covers (area averaging, a box filter as wide as the scale, so no detail aliases however large
 * the factor). Upscaling ({@code s < 1}) interpolates bilinearly between the two nearest pixel centres. Source indices
 * outside the plane repeat its edge pixel.
 */
final class AxisWeights {
    static final int BITS = 14;
    static final int ONE = 1 << BITS;

    final int outputs;
    final int taps;
    final int[] first;
    /** {@code taps} weights per output sample; unused trailing taps are 0 and point at valid pixels. */
    final int[] weights;
    /**
     * The same weights by tap: {@code byTap[k][j] = weights[j * taps + k]}, so that a loop over the outputs reads each
     * tap's weights in sequence (the scaler's horizontal pass runs about a fifth faster on them).
     */
    final int[][] byTap;

    private AxisWeights(int outputs, int taps) {
        this.outputs = outputs;
        this.taps = taps;
        this.first = new int[outputs];
        this.weights = new int[outputs * taps];
        this.byTap = new int[taps][outputs];
    }

    /**
     * Weights mapping {@code [start, start + length)} of a source axis of {@code size} pixels onto {@code outputs}
     * samples.
     */
    static AxisWeights of(double start, double length, int size, int outputs) {
        if (!(length > 0) || outputs <= 0 || size <= 0) {
            throw new IllegalArgumentException("cannot map " + length + " source pixels of " + size + " onto " + outputs);
        }
        double scale = length / outputs;
        return scale >= 1 ? area(start, scale, size, outputs) : bilinear(start, scale, size, outputs);
    }

    private static AxisWeights area(double start, double scale, int size, int outputs) {
        int candidates = (int) Math.ceil(scale) + 1;
        AxisWeights axis = new AxisWeights(outputs, Math.min(candidates, size));
        double[] exact = new double[candidates];
        for (int j = 0; j < outputs; j++) {
            double from = start + j * scale;
            double to = from + scale;
            int firstPixel = (int) Math.floor(from);
            for (int k = 0; k < candidates; k++) {
                double pixel = firstPixel + k;
                double covered = Math.min(to, pixel + 1) - Math.max(from, pixel);
                exact[k] = covered > 0 ? covered / scale : 0;
            }
            axis.store(j, firstPixel, exact, size);
        }
        return axis;
    }

    private static AxisWeights bilinear(double start, double scale, int size, int outputs) {
        AxisWeights axis = new AxisWeights(outputs, Math.min(2, size));
        double[] exact = new double[2];
        for (int j = 0; j < outputs; j++) {
            double centre = start + (j + 0.5) * scale - 0.5;
            int left = (int) Math.floor(centre);
            double fraction = centre - left;
            exact[0] = 1 - fraction;
            exact[1] = fraction;
            axis.store(j, left, exact, size);
        }
        return axis;
    }

    /**
     * Stores output {@code j}'s weights for the candidate pixels {@code firstPixel, firstPixel + 1, …}: candidates off
     * the plane weigh on its edge pixel, the stored first index is clamped so that every tap reads inside the plane,
     * and the weights are rounded to sum to {@link #ONE} exactly.
     */
    private void store(int j, int firstPixel, double[] exact, int size) {
        int base = Math.max(0, Math.min(firstPixel, size - taps));
        int[] merged = new int[taps];
        double[] mergedExact = new double[taps];
        for (int k = 0; k < exact.length; k++) {
            if (exact[k] == 0) {
                continue;
            }
            int pixel = Math.max(0, Math.min(size - 1, firstPixel + k));
            mergedExact[pixel - base] += exact[k];
        }
        int sum = 0;
        int largest = 0;
        for (int k = 0; k < taps; k++) {
            merged[k] = (int) Math.round(mergedExact[k] * ONE);
            sum += merged[k];
            if (merged[k] > merged[largest]) {
                largest = k;
            }
        }
        merged[largest] += ONE - sum;
        first[j] = base;
        System.arraycopy(merged, 0, weights, j * taps, taps);
        for (int k = 0; k < taps; k++) {
            byTap[k][j] = merged[k];
        }
    }

    /** The highest source index any output reads, plus one. */
    int end() {
        int end = 0;
        for (int j = 0; j < outputs; j++) {
            end = Math.max(end, first[j] + taps);
        }
        return end;
    }
}
