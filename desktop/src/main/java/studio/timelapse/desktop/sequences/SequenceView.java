package studio.timelapse.desktop.sequences;

import java.util.Objects;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.shared.state.EntityState;

/** A sequence with where it stands in its lifecycle. */
public record SequenceView(Sequence sequence, EntityState<SequenceState> state) {
    public SequenceView {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(state, "state");
    }

    public long id() {
        return sequence.id();
    }
}
