package studio.timelapse.desktop.render.encode.mp4;

import java.util.Arrays;

/**
 * The samples of a video track in decode order: where each is in the file, its size, whether it is a key frame, and
 * which frame it shows (its presentation index: 0 for the first frame shown). Frames are all one duration long.
 */
final class SampleTable {
    private long[] offsets = new long[256];
    private int[] sizes = new int[256];
    private boolean[] keys = new boolean[256];
    private long[] presentation = new long[256];
    private int count;

    void add(long offset, int size, boolean key, long presentationIndex) {
        if (count == sizes.length) {
            int larger = count * 2;
            offsets = Arrays.copyOf(offsets, larger);
            sizes = Arrays.copyOf(sizes, larger);
            keys = Arrays.copyOf(keys, larger);
            presentation = Arrays.copyOf(presentation, larger);
        }
        offsets[count] = offset;
        sizes[count] = size;
        keys[count] = key;
        presentation[count] = presentationIndex;
        count++;
    }

    int count() {
        return count;
    }

    long offset(int sample) {
        return offsets[sample];
    }

    int size(int sample) {
        return sizes[sample];
    }

    boolean key(int sample) {
        return keys[sample];
    }

    long presentationIndex(int sample) {
        return presentation[sample];
    }

    boolean allKeys() {
        for (int i = 0; i < count; i++) {
            if (!keys[i]) {
                return false;
            }
        }
        return true;
    }

    /** How many frames the earliest-decoded frames run ahead of their display: the edit list's shift. */
    long reorderDelay() {
        long delay = 0;
        for (int i = 0; i < count; i++) {
            delay = Math.max(delay, i - presentation[i]);
        }
        return delay;
    }

    boolean reordered() {
        for (int i = 0; i < count; i++) {
            if (presentation[i] != i) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks that every frame from 0 to count − 1 is shown exactly once and the first sample is a key frame — what a
     * player needs to show the track from its start, and what a join must keep.
     */
    void checkComplete(String what) {
        if (count == 0) {
            throw new IllegalArgumentException(what + " holds no frames");
        }
        if (!keys[0]) {
            throw new IllegalArgumentException(what + " does not start with a key frame");
        }
        boolean[] shown = new boolean[count];
        for (int i = 0; i < count; i++) {
            long index = presentation[i];
            if (index < 0 || index >= count || shown[(int) index]) {
                throw new IllegalArgumentException(what + " shows frame " + index + " of " + count
                        + (index >= 0 && index < count ? " twice" : ", which is outside it"));
            }
            shown[(int) index] = true;
        }
    }
}
