package studio.timelapse.desktop.render.pipeline;

/**
 * Resamples a region of a {@link SamplePlane} into a rectangle of output planes: separable, in 32-bit fixed point,
 * with {@link AxisWeights} (area averaging down, bilinear up) along each axis.
 *
 * <p>Vertical first: each output row is the weighted sum of the few source rows under it, a loop over whole rows
 * that the JIT turns into SIMD code and that works the same for interleaved channels; then the short horizontal pass
 * runs on output rows only, so its scalar gathers happen {@code sourceHeight / outputHeight} times less often than
 * they would on source rows. Working memory is one row of sums.
 *
 * <p>Gamma-naive: it averages the gamma-encoded samples as they are, as almost every video scaler does. Averaging in
 * linear light would keep the brightness of fine high-contrast detail (stars, twigs against the sky) a little better,
 * at several times the cost.
 *
 * <p>Not thread-safe: each worker thread has its own, whose buffers it reuses from frame to frame.
 */
final class PlaneScaler {
    /** Vertical sums keep 8 fractional bits, so that 255 · 2^8 · 2^14 still fits an int in the horizontal sum. */
    private static final int VERTICAL_SHIFT = AxisWeights.BITS - 8;
    private static final int VERTICAL_ROUND = 1 << (VERTICAL_SHIFT - 1);
    private static final int HORIZONTAL_SHIFT = AxisWeights.BITS + 8;
    private static final int HORIZONTAL_ROUND = 1 << (HORIZONTAL_SHIFT - 1);

    private final SamplePlane.RowView view = new SamplePlane.RowView();
    private int[] column = new int[0];

    /**
     * Resamples the region {@code (x, y, w, h)} of {@code plane}, in the plane's pixels (fractions allowed), into the
     * rectangle {@code (dx, dy, dw, dh)} of {@code out}: one output plane per channel, each with rows of {@code
     * outStride} bytes.
     */
    void scale(SamplePlane plane, double x, double y, double w, double h, byte[][] out, int outStride, int dx, int dy,
            int dw, int dh) {
        int channels = plane.channels();
        if (out.length != channels) {
            throw new IllegalArgumentException("a plane of " + channels + " channels needs as many outputs, not " + out.length);
        }
        AxisWeights across = AxisWeights.of(x, w, plane.width(), dw);
        AxisWeights down = AxisWeights.of(y, h, plane.height(), dh);
        // Only the source columns some output reads: a zoomed-in viewport reads a small part of each row.
        int firstColumn = across.first[0];
        int columns = across.end() - firstColumn;
        int rowLength = columns * channels;
        if (column.length < rowLength) {
            column = new int[rowLength];
        }
        for (int j = 0; j < dh; j++) {
            sumDown(plane, down, j, firstColumn * channels, rowLength);
            int at = (dy + j) * outStride + dx;
            if (channels == 1) {
                across1(across, firstColumn, out[0], at);
            } else {
                acrossInterleaved(across, firstColumn, channels, out, at);
            }
        }
    }

    /** {@code column[i]} = the weighted sum of sample {@code from + i} of the source rows under output row {@code j}. */
    private void sumDown(SamplePlane plane, AxisWeights down, int j, int from, int length) {
        int taps = down.taps;
        int firstRow = down.first[j];
        int[] sums = column;
        boolean started = false;
        for (int k = 0; k < taps; k++) {
            int weight = down.weights[j * taps + k];
            if (weight == 0) {
                continue;
            }
            plane.row(firstRow + k, view);
            byte[] row = view.array;
            int offset = view.offset + from;
            if (!started) {
                for (int i = 0; i < length; i++) {
                    sums[i] = weight * (row[offset + i] & 0xff);
                }
                started = true;
            } else {
                for (int i = 0; i < length; i++) {
                    sums[i] += weight * (row[offset + i] & 0xff);
                }
            }
        }
        for (int i = 0; i < length; i++) {
            sums[i] = (sums[i] + VERTICAL_ROUND) >> VERTICAL_SHIFT;
        }
    }

    private void across1(AxisWeights across, int firstColumn, byte[] out, int at) {
        int[] sums = column;
        int[] first = across.first;
        int[] weights = across.weights;
        int outputs = across.outputs;
        switch (across.taps) {
            case 2 -> {
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    int w = 2 * i;
                    out[at + i] = clamp(HORIZONTAL_ROUND + weights[w] * sums[s] + weights[w + 1] * sums[s + 1]);
                }
            }
            case 3 -> {
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    int w = 3 * i;
                    out[at + i] = clamp(HORIZONTAL_ROUND + weights[w] * sums[s] + weights[w + 1] * sums[s + 1]
                            + weights[w + 2] * sums[s + 2]);
                }
            }
            case 4 -> {
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    int w = 4 * i;
                    out[at + i] = clamp(HORIZONTAL_ROUND + weights[w] * sums[s] + weights[w + 1] * sums[s + 1]
                            + weights[w + 2] * sums[s + 2] + weights[w + 3] * sums[s + 3]);
                }
            }
            default -> {
                int taps = across.taps;
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    int sum = HORIZONTAL_ROUND;
                    for (int k = 0, w = i * taps; k < taps; k++, w++) {
                        sum += weights[w] * sums[s + k];
                    }
                    out[at + i] = clamp(sum);
                }
            }
        }
    }

    private void acrossInterleaved(AxisWeights across, int firstColumn, int channels, byte[][] out, int at) {
        int[] sums = column;
        int[] first = across.first;
        int[] weights = across.weights;
        int taps = across.taps;
        for (int c = 0; c < channels; c++) {
            byte[] plane = out[c];
            for (int i = 0; i < across.outputs; i++) {
                int s = (first[i] - firstColumn) * channels + c;
                int sum = HORIZONTAL_ROUND;
                for (int k = 0, w = i * taps; k < taps; k++, w++, s += channels) {
                    sum += weights[w] * sums[s];
                }
                plane[at + i] = clamp(sum);
            }
        }
    }

    /** The sum, shifted back to 8 bits and clamped (area and bilinear weights are never negative; rounding is). */
    private static byte clamp(int sum) {
        int value = sum >> HORIZONTAL_SHIFT;
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
