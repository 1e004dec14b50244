package studio.timelapse.desktop.render.pipeline;

/**
 * Resamples a region of a {@link SamplePlane} into a rectangle of output planes: separable, in 32-bit fixed point,
 * with {@link AxisWeights} (area averaging down, bilinear up) along each axis.
 *
 * <p>Vertical first: each output row is the weighted sum of the few source rows under it, a loop over whole rows
 * that works the same for interleaved channels; then the short horizontal pass runs on output rows only, so its
 * gathers happen {@code sourceHeight / outputHeight} times less often than they would on source rows. The common
 * cases (two or three rows under an output row, two to four columns under an output sample) have loops of their own,
 * which give exactly the general loops' integers at about half their cost. Working memory is one row of sums.
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

    /** Whether the unrolled loops run (else the general ones: the reference they are tested against). */
    private final boolean unrolled;
    /** The source rows under the output row being made, and their weights. */
    private SamplePlane.RowView[] views = new SamplePlane.RowView[4];
    private int[] rowWeights = new int[4];
    private int[] column = new int[0];

    PlaneScaler() {
        this(true);
    }

    private PlaneScaler(boolean unrolled) {
        this.unrolled = unrolled;
    }

    /** A scaler that runs only the general loops: slower, the reference the unrolled ones are tested against. */
    static PlaneScaler general() {
        return new PlaneScaler(false);
    }

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

    /**
     * {@code column[i]} = the weighted sum of sample {@code from + i} of the source rows under output row {@code j}.
     * Down-scaling by less than 2 (the common case: 12 MP decoded at half size, then to 1080p) puts two or three
     * source rows under each output row: those sums are one pass over the rows (with the rounding), where the general
     * loop makes one pass per row and one more to round; more rows are summed one row at a time. Both give the same
     * integers.
     */
    private void sumDown(SamplePlane plane, AxisWeights down, int j, int from, int length) {
        int taps = down.taps;
        int firstRow = down.first[j];
        int rows = 0;
        for (int k = 0; k < taps; k++) {
            int weight = down.weights[j * taps + k];
            if (weight != 0) {
                if (rows == views.length) {
                    views = java.util.Arrays.copyOf(views, rows * 2);
                    rowWeights = java.util.Arrays.copyOf(rowWeights, rows * 2);
                }
                if (views[rows] == null) {
                    views[rows] = new SamplePlane.RowView();
                }
                plane.row(firstRow + k, views[rows]);
                rowWeights[rows++] = weight;
            }
        }
        if (unrolled && rows == 2) {
            sumTwoRows(from, length);
        } else if (unrolled && rows == 3) {
            sumThreeRows(from, length);
        } else {
            sumRowByRow(rows, from, length);
        }
    }

    private void sumTwoRows(int from, int length) {
        int[] sums = column;
        byte[] a = views[0].array;
        byte[] b = views[1].array;
        int oa = views[0].offset + from;
        int ob = views[1].offset + from;
        int wa = rowWeights[0];
        int wb = rowWeights[1];
        for (int i = 0; i < length; i++) {
            sums[i] = (wa * (a[oa + i] & 0xff) + wb * (b[ob + i] & 0xff) + VERTICAL_ROUND) >> VERTICAL_SHIFT;
        }
    }

    private void sumThreeRows(int from, int length) {
        int[] sums = column;
        byte[] a = views[0].array;
        byte[] b = views[1].array;
        byte[] c = views[2].array;
        int oa = views[0].offset + from;
        int ob = views[1].offset + from;
        int oc = views[2].offset + from;
        int wa = rowWeights[0];
        int wb = rowWeights[1];
        int wc = rowWeights[2];
        for (int i = 0; i < length; i++) {
            sums[i] = (wa * (a[oa + i] & 0xff) + wb * (b[ob + i] & 0xff) + wc * (c[oc + i] & 0xff) + VERTICAL_ROUND)
                    >> VERTICAL_SHIFT;
        }
    }

    /** The general sum: each row added in turn, then rounded. */
    private void sumRowByRow(int rows, int from, int length) {
        int[] sums = column;
        for (int k = 0; k < rows; k++) {
            int weight = rowWeights[k];
            byte[] row = views[k].array;
            int offset = views[k].offset + from;
            if (k == 0) {
                for (int i = 0; i < length; i++) {
                    sums[i] = weight * (row[offset + i] & 0xff);
                }
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

    /**
     * One output row from the vertical sums. Two to four taps are unrolled and read the weights by tap; they need no
     * clamp: the weights are never negative and sum to {@link AxisWeights#ONE}, and a vertical sum is at most
     * {@code 255 << 8}, so the result is within 0–255 (the general loop keeps the clamp).
     */
    private void across1(AxisWeights across, int firstColumn, byte[] out, int at) {
        int[] sums = column;
        int[] first = across.first;
        int outputs = across.outputs;
        int[][] tap = across.byTap;
        switch (unrolled ? across.taps : 0) {
            case 2 -> {
                int[] w0 = tap[0];
                int[] w1 = tap[1];
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    out[at + i] = (byte) ((HORIZONTAL_ROUND + w0[i] * sums[s] + w1[i] * sums[s + 1]) >> HORIZONTAL_SHIFT);
                }
            }
            case 3 -> {
                int[] w0 = tap[0];
                int[] w1 = tap[1];
                int[] w2 = tap[2];
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    out[at + i] = (byte) ((HORIZONTAL_ROUND + w0[i] * sums[s] + w1[i] * sums[s + 1]
                            + w2[i] * sums[s + 2]) >> HORIZONTAL_SHIFT);
                }
            }
            case 4 -> {
                int[] w0 = tap[0];
                int[] w1 = tap[1];
                int[] w2 = tap[2];
                int[] w3 = tap[3];
                for (int i = 0; i < outputs; i++) {
                    int s = first[i] - firstColumn;
                    out[at + i] = (byte) ((HORIZONTAL_ROUND + w0[i] * sums[s] + w1[i] * sums[s + 1]
                            + w2[i] * sums[s + 2] + w3[i] * sums[s + 3]) >> HORIZONTAL_SHIFT);
                }
            }
            default -> {
                int[] weights = across.weights;
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
