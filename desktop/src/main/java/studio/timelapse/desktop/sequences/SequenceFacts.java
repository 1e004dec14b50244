package studio.timelapse.desktop.sequences;

import java.util.Objects;
import studio.timelapse.desktop.library.Sequence;

/** What a sequence's guards look at: the sequence itself (its kind, its id for its locks). */
public record SequenceFacts(Sequence sequence) {
    public SequenceFacts {
        Objects.requireNonNull(sequence, "sequence");
    }
}
