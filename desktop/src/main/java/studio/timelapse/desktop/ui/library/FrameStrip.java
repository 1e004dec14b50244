package studio.timelapse.desktop.ui.library;

import java.time.Instant;
import java.util.Arrays;
import studio.timelapse.desktop.library.Daylight;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.FramePosition;

/**
 * The frames of one sequence, in capture order, as the grid and the timeline need them: a few primitives per frame
 * (about 30 bytes), so 100,000 frames cost some megabytes rather than the full records. Grown a page at a time as
 * pages load; read and written on the UI thread only.
 */
public final class FrameStrip {
    /** Verdicts as stored: the ordinal of {@link Daylight.Verdict}. */
    private static final Daylight.Verdict[] VERDICTS = Daylight.Verdict.values();
    private static final Daylight.Basis[] BASES = Daylight.Basis.values();

    private long[] ids = new long[0];
    private long[] capturedAtMillis = new long[0];
    private float[] meanLuma = new float[0];
    private byte[] daylight = new byte[0];
    private byte[] basis = new byte[0];
    private boolean[] rejected = new boolean[0];
    private int size;

    public int size() {
        return size;
    }

    public long id(int index) {
        check(index);
        return ids[index];
    }

    public Instant capturedAt(int index) {
        check(index);
        return Instant.ofEpochMilli(capturedAtMillis[index]);
    }

    public long capturedAtMillis(int index) {
        check(index);
        return capturedAtMillis[index];
    }

    /** 0–255, or NaN while ingest has not measured the frame. */
    public float meanLuma(int index) {
        check(index);
        return meanLuma[index];
    }

    public Daylight.Verdict daylight(int index) {
        check(index);
        return VERDICTS[daylight[index]];
    }

    /** Which of the library's rules judged the frame's daylight (the Sun, its exposure, its brightness). */
    public Daylight.Basis daylightBasis(int index) {
        check(index);
        return BASES[basis[index]];
    }

    /** How many frames each rule judged, indexed by {@link Daylight.Basis#ordinal()}. */
    public int[] countByBasis() {
        int[] counts = new int[BASES.length];
        for (int i = 0; i < size; i++) {
            counts[basis[i]]++;
        }
        return counts;
    }

    public boolean rejected(int index) {
        check(index);
        return rejected[index];
    }

    /** The index of the frame with this id, or -1. */
    public int indexOf(long frameId) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == frameId) {
                return i;
            }
        }
        return -1;
    }

    /** Where the frame at {@code index} stands in capture order, to continue a listing after it. */
    public FramePosition position(int index) {
        return new FramePosition(capturedAt(index), id(index));
    }

    void append(Frame frame, Daylight.Verdict verdict, Daylight.Basis judgedBy) {
        if (size == ids.length) {
            int capacity = Math.max(1024, ids.length * 2);
            ids = Arrays.copyOf(ids, capacity);
            capturedAtMillis = Arrays.copyOf(capturedAtMillis, capacity);
            meanLuma = Arrays.copyOf(meanLuma, capacity);
            daylight = Arrays.copyOf(daylight, capacity);
            basis = Arrays.copyOf(basis, capacity);
            rejected = Arrays.copyOf(rejected, capacity);
        }
        ids[size] = frame.id();
        capturedAtMillis[size] = frame.capturedAt().toEpochMilli();
        meanLuma[size] = frame.ingested().map(i -> (float) i.meanLuma()).orElse(Float.NaN);
        daylight[size] = (byte) verdict.ordinal();
        basis[size] = (byte) judgedBy.ordinal();
        rejected[size] = frame.rejected();
        size++;
    }

    /** Forgets the frames from {@code index} on, to read them again. */
    void truncate(int index) {
        size = Math.max(0, Math.min(size, index));
    }

    void rejected(int index, boolean now) {
        check(index);
        rejected[index] = now;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + size);
        }
    }
}
