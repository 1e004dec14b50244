package studio.timelapse.desktop.render.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Which frames of a range a quick render takes. */
public final class FrameSelection {
    private FrameSelection() {}

    /** Every {@code n}th frame, starting with the first. */
    public static <T> List<T> every(List<T> frames, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("every n-th frame needs n of at least 1, not " + n);
        }
        List<T> picked = new ArrayList<>((frames.size() + n - 1) / n);
        for (int i = 0; i < frames.size(); i += n) {
            picked.add(frames.get(i));
        }
        return picked;
    }

    /**
     * At most {@code count} frames spread evenly over {@code frames}, the first and the last included: a preview of a
     * day in a few seconds.
     */
    public static <T> List<T> spread(List<T> frames, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a spread needs at least 2 frames, not " + count);
        }
        if (frames.size() <= count) {
            return List.copyOf(frames);
        }
        List<T> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(frames.get((int) Math.round((double) i * (frames.size() - 1) / (count - 1))));
        }
        return picked;
    }
}
