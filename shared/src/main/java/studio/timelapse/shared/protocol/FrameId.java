package studio.timelapse.shared.protocol;

import java.util.Comparator;
import java.util.Objects;

/**
 * A frame's identity in an agent's stream: the store's epoch (a random id chosen when the store is created, so that a
 * wiped and re-created store never reuses numbers) and a gap-free sequence number within it, starting at 1.
 */
public record FrameId(String epoch, long sequence) implements Comparable<FrameId> {
    private static final Comparator<FrameId> ORDER = Comparator.comparing(FrameId::epoch)
            .thenComparingLong(FrameId::sequence);

    public FrameId {
        Objects.requireNonNull(epoch, "epoch");
        if (!epoch.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("an epoch is 1–64 letters, digits, '-' or '_': " + epoch);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, was " + sequence);
        }
    }

    /** {@code <epoch>-<sequence>}, as in file names and URLs. */
    @Override
    public String toString() {
        return epoch + "-" + sequence;
    }

    @Override
    public int compareTo(FrameId other) {
        return ORDER.compare(this, other);
    }
}
