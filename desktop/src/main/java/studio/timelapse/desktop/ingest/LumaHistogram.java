package studio.timelapse.desktop.ingest;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How a frame's luma (BT.709, 0..255) is distributed: {@link #BINS} bins of 4 levels each, counted in pixels of the
 * full image (the counts add up to width × height). The values counted are 8×8-pixel block means, which is what the
 * JPEG's DC coefficients give cheaply: sensor noise averages out, the light of the scene stays — what deflicker and
 * day/night need.
 */
public final class LumaHistogram {
    public static final int BINS = 64;
    private final int[] counts;

    private LumaHistogram(int[] counts) {
        this.counts = counts;
    }

    public static LumaHistogram of(int[] counts) {
        if (counts.length != BINS) {
            throw new IllegalArgumentException("a luma histogram has " + BINS + " bins, not " + counts.length);
        }
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count in " + Arrays.toString(counts));
            }
        }
        return new LumaHistogram(counts.clone());
    }

    /** The bin of a luma value: 0 for 0..3.99, 63 for 252..255. */
    public static int binOf(double luma) {
        return Math.max(0, Math.min(BINS - 1, (int) (luma / (256.0 / BINS))));
    }

    /** The histogram as stored in the library: 64 big-endian 4-byte counts. */
    public static LumaHistogram fromBytes(byte[] stored) {
        if (stored.length != BINS * Integer.BYTES) {
            throw new IllegalArgumentException("a stored luma histogram is " + BINS * Integer.BYTES + " bytes, not "
                    + stored.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        int[] counts = new int[BINS];
        for (int i = 0; i < BINS; i++) {
            counts[i] = buffer.getInt();
        }
        return of(counts);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(BINS * Integer.BYTES);
        for (int count : counts) {
            buffer.putInt(count);
        }
        return buffer.array();
    }

    public int count(int bin) {
        return counts[bin];
    }

    public int[] counts() {
        return counts.clone();
    }

    public long total() {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /** Each bin's share of the total (all zero for an empty histogram). */
    public double[] fractions() {
        double total = total();
        double[] fractions = new double[BINS];
        for (int i = 0; i < BINS && total > 0; i++) {
            fractions[i] = counts[i] / total;
        }
        return fractions;
    }

    /**
     * Earth mover's distance to {@code other}, in bins: how far, on average, one distribution's mass must move to
     * become the other. 0 for equal shapes; a shift of the whole histogram by one bin is 1.
     */
    public double distance(LumaHistogram other) {
        double[] mine = fractions();
        double[] theirs = other.fractions();
        double carried = 0;
        double distance = 0;
        for (int i = 0; i < BINS; i++) {
            carried += mine[i] - theirs[i];
            distance += Math.abs(carried);
        }
        return distance;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LumaHistogram histogram && Arrays.equals(counts, histogram.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LumaHistogram" + Arrays.toString(counts);
    }
}
