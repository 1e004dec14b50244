package studio.timelapse.desktop.render.look;

/**
 * Motion blur by frame blending: the frame at position {@code p} becomes the average of the frames at positions
 * {@code p - before … p + after} (a centred window of {@code window} positions; for an even window one more from
 * before). Positions, not arrival order, define the window, so a frame that failed to decode just leaves its
 * neighbours' windows one frame short, and a render made in segments blends exactly like one made in one go.
 *
 * <p>It keeps a running per-channel sum of the frames in the window, adding the frame that enters and subtracting
 * the one that leaves, so a blended frame costs the same whatever the window: O(pixels), not O(window × pixels). The
 * price is memory: a copy of each frame in the window (4 bytes a pixel) plus the sums (6 bytes a pixel) — at 1080p
 * with a window of 5, about 62 MB.
 *
 * <p>Streaming, in order of position: {@link #add} frames, and whenever {@link #ready()} take the next blended frame
 * with {@link #blendNext}; after the last frame, {@link #endOfInput()} lets the remaining ones out. Every frame added
 * comes out blended, once, in order. Pixels are {@code 0xRRGGBB} ints. Not thread-safe.
 */
public final class FrameBlender {
    public static final int MAX_WINDOW = 64;
    /** round(sum ÷ count) by a multiplication: exact for sums up to 64 × 255 (see {@link #blendNext}). */
    private static final int DIVISION_BITS = 23;

    private final int window;
    private final int before;
    private final int after;
    private final int pixels;
    private final int[][] ring;
    private final long[] positions;
    /** Running sums of R, G and B of the inputs {@code [summedFrom, summedTo)}, interleaved; at most 64 × 255. */
    private final char[] sums;
    private long stored;
    private long summedFrom;
    private long summedTo;
    private long emitted;
    private boolean ended;

    public FrameBlender(int window, int width, int height) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("frame blending averages 1 to " + MAX_WINDOW + " frames, not " + window);
        }
        this.window = window;
        this.before = window / 2;
        this.after = window - 1 - before;
        this.pixels = Math.multiplyExact(width, height);
        this.ring = new int[window + 1][];
        this.positions = new long[window + 1];
        this.sums = new char[Math.multiplyExact(pixels, 3)];
    }

    public int window() {
        return window;
    }

    /** How many positions before its own a blended frame reaches. */
    public int reachBefore() {
        return before;
    }

    /** How many positions after its own a blended frame reaches. */
    public int reachAfter() {
        return after;
    }

    /**
     * Adds the frame at {@code position}, after every frame added so far (copied: the caller may reuse {@code frame}
     * at once). Take every frame that is {@link #ready()} first.
     */
    public void add(int[] frame, long position) {
        if (ended) {
            throw new IllegalStateException("no frames may be added after the end of input");
        }
        if (frame.length < pixels) {
            throw new IllegalArgumentException("a frame of " + frame.length + " pixels; the blender needs " + pixels);
        }
        if (stored > 0 && position <= positions[slot(stored - 1)]) {
            throw new IllegalArgumentException("frame " + position + " after frame " + positions[slot(stored - 1)]
                    + ": frames come in order of position");
        }
        if (ready()) {
            throw new IllegalStateException("take the blended frame that is ready before adding another");
        }
        long next = emitted < stored ? positions[slot(emitted)] : position;
        drop(next - before);
        int slot = slot(stored);
        if (ring[slot] == null) {
            ring[slot] = new int[pixels];
        }
        System.arraycopy(frame, 0, ring[slot], 0, pixels);
        positions[slot] = position;
        stored++;
    }

    /** No more input: the last frames are blended from what there is. */
    public void endOfInput() {
        ended = true;
    }

    /** Whether the next blended frame has all the input it will get. */
    public boolean ready() {
        return emitted < stored && (ended || positions[slot(stored - 1)] > positions[slot(emitted)] + after);
    }

    /** The position of the next blended frame. */
    public long nextPosition() {
        if (emitted >= stored) {
            throw new IllegalStateException("no frame is waiting to be blended");
        }
        return positions[slot(emitted)];
    }

    /** Frames added but not yet taken blended. */
    public int pending() {
        return (int) (stored - emitted);
    }

    /** Writes the next blended frame into {@code into}: the average of its window, each channel rounded. */
    public void blendNext(int[] into) {
        if (!ready()) {
            throw new IllegalStateException("the next blended frame still waits for input");
        }
        if (into.length < pixels) {
            throw new IllegalArgumentException("a frame of " + into.length + " pixels; the blender needs " + pixels);
        }
        long position = positions[slot(emitted)];
        // The window usually slides by one frame: one enters, one leaves, and one fused pass updates the sums and
        // writes the average. Otherwise (the ends, gaps) update the sums frame by frame first.
        boolean oneEnters = summedTo < stored && positions[slot(summedTo)] <= position + after
                && (summedTo + 1 == stored || positions[slot(summedTo + 1)] > position + after);
        boolean oneLeaves = summedFrom < summedTo && positions[slot(summedFrom)] < position - before
                && (summedFrom + 1 == summedTo || positions[slot(summedFrom + 1)] >= position - before);
        if (oneEnters && oneLeaves) {
            int count = (int) (summedTo - summedFrom);
            slideAndAverage(ring[slot(summedTo)], ring[slot(summedFrom)], count, into);
            summedTo++;
            summedFrom++;
        } else {
            while (summedTo < stored && positions[slot(summedTo)] <= position + after) {
                accumulate(ring[slot(summedTo)], 1);
                summedTo++;
            }
            drop(position - before);
            average((int) (summedTo - summedFrom), into);
        }
        emitted++;
    }

    /**
     * round(sum / count) = floor((2·sum + count) / (2·count)); with numerators below 2^15 and divisors below 2^8, a
     * reciprocal of {@link #DIVISION_BITS} bits gives the exact quotient (checked for every sum in the tests).
     */
    private static long reciprocal(int count) {
        return ((1L << DIVISION_BITS) + 2L * count - 1) / (2L * count);
    }

    private void average(int count, int[] into) {
        long reciprocal = reciprocal(count);
        char[] s = sums;
        for (int p = 0, i = 0; p < pixels; p++, i += 3) {
            into[p] = (int) (((2L * s[i] + count) * reciprocal) >>> DIVISION_BITS) << 16
                    | (int) (((2L * s[i + 1] + count) * reciprocal) >>> DIVISION_BITS) << 8
                    | (int) (((2L * s[i + 2] + count) * reciprocal) >>> DIVISION_BITS);
        }
    }

    /** Adds {@code entering}, subtracts {@code leaving} and writes the average, in one pass over the pixels. */
    private void slideAndAverage(int[] entering, int[] leaving, int count, int[] into) {
        long reciprocal = reciprocal(count);
        char[] s = sums;
        for (int p = 0, i = 0; p < pixels; p++, i += 3) {
            int in = entering[p];
            int out = leaving[p];
            int r = s[i] + ((in >> 16) & 0xff) - ((out >> 16) & 0xff);
            int g = s[i + 1] + ((in >> 8) & 0xff) - ((out >> 8) & 0xff);
            int b = s[i + 2] + (in & 0xff) - (out & 0xff);
            s[i] = (char) r;
            s[i + 1] = (char) g;
            s[i + 2] = (char) b;
            into[p] = (int) (((2L * r + count) * reciprocal) >>> DIVISION_BITS) << 16
                    | (int) (((2L * g + count) * reciprocal) >>> DIVISION_BITS) << 8
                    | (int) (((2L * b + count) * reciprocal) >>> DIVISION_BITS);
        }
    }

    /** Subtracts the summed frames before {@code position} from the sums. */
    private void drop(long position) {
        while (summedFrom < summedTo && positions[slot(summedFrom)] < position) {
            accumulate(ring[slot(summedFrom)], -1);
            summedFrom++;
        }
        if (summedFrom == summedTo) {
            // Nothing summed (a gap wider than the window): start the sums at the next frame to be summed.
            while (summedFrom < stored && positions[slot(summedFrom)] < position) {
                summedFrom++;
            }
            summedTo = Math.max(summedTo, summedFrom);
        }
    }

    private void accumulate(int[] frame, int sign) {
        char[] s = sums;
        if (sign > 0) {
            for (int p = 0, i = 0; p < pixels; p++, i += 3) {
                int rgb = frame[p];
                s[i] += (char) ((rgb >> 16) & 0xff);
                s[i + 1] += (char) ((rgb >> 8) & 0xff);
                s[i + 2] += (char) (rgb & 0xff);
            }
        } else {
            for (int p = 0, i = 0; p < pixels; p++, i += 3) {
                int rgb = frame[p];
                s[i] -= (char) ((rgb >> 16) & 0xff);
                s[i + 1] -= (char) ((rgb >> 8) & 0xff);
                s[i + 2] -= (char) (rgb & 0xff);
            }
        }
    }

    private int slot(long index) {
        return (int) (index % ring.length);
    }
}
