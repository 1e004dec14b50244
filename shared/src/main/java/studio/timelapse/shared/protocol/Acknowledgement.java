package studio.timelapse.shared.protocol;

/**
 * The studio's word that it has stored frames {@code fromSequence}..{@code toSequence} (inclusive) of {@code epoch}
 * safely; only then may the agent's retention delete them.
 */
public record Acknowledgement(String epoch, long fromSequence, long toSequence) {
    public Acknowledgement {
        new FrameId(epoch, Math.max(1, fromSequence)); // validates the epoch
        if (fromSequence < 1 || toSequence < fromSequence) {
            throw new IllegalArgumentException("an acknowledgement covers 1 <= from <= to, was " + fromSequence + ".."
                    + toSequence);
        }
    }
}
