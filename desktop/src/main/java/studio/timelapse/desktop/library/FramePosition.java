package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Comparator;

/** A frame's place in capture order: by capture time, then by id for frames taken in the same millisecond. */
public record FramePosition(Instant capturedAt, long frameId) implements Comparable<FramePosition> {
    private static final Comparator<FramePosition> ORDER = Comparator.comparing(FramePosition::capturedAt)
            .thenComparingLong(FramePosition::frameId);

    @Override
    public int compareTo(FramePosition other) {
        return ORDER.compare(this, other);
    }
}
