package studio.timelapse.desktop.render;

import java.util.Map;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceState;
import studio.timelapse.desktop.sequences.SequenceView;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.LockCheck;

/**
 * Only an active sequence is rendered: an archived one is out of the way until it is unarchived, one being deleted
 * or deleted is going or gone, a failed one needs a person first. Asked before a render is queued (so nothing is
 * queued in vain) and again when it runs (the sequence may have changed while the render waited).
 */
final class RenderableSequence {
    /**
     * The catalog is only read here: finding a sequence never fires a guarded transition, so no lock is ever asked
     * about; if one were, that is a mistake to hear about, not to answer.
     */
    private static final LockCheck ONLY_READING = lock -> {
        throw new IllegalStateException("a render only reads sequences' states, yet " + lock + " was asked about");
    };

    private RenderableSequence() {}

    /**
     * The sequence {@code id}, which is active.
     *
     * @throws RefusedException NOT_FOUND when the library has no such sequence (never made, or deleted);
     *     WRONG_STATE naming its state and what to do when it is not active
     */
    static Sequence require(Library library, long id) {
        SequenceView view = new SequenceCatalog(library, ONLY_READING).find(id).orElseThrow(() ->
                new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "render.unknown_sequence",
                        "The library has no sequence " + id + " (never made, or deleted)",
                        "list the sequences with 'timelapse sequences list'").withDetails(Map.of("sequence", id))));
        SequenceState state = view.state().state();
        if (state == SequenceState.ACTIVE) {
            return view.sequence();
        }
        String name = "'" + view.sequence().name() + "' (sequence " + id + ")";
        Refusal refusal = switch (state) {
            case ARCHIVED -> notActive(id, state, name + " is archived",
                    "unarchive it first: timelapse sequences unarchive " + id);
            case DELETING, DELETED -> notActive(id, state, name + " is being deleted",
                    "choose another sequence ('timelapse sequences list')");
            case FAILED -> notActive(id, state, name + " has failed",
                    "see why with 'timelapse sequences show " + id + "', then delete it or define it again");
            case INITIALISING -> notActive(id, state, name + " is still being created", "try again in a moment");
            case ACTIVE -> throw new AssertionError("handled above");
        };
        throw new RefusedException(refusal);
    }

    private static Refusal notActive(long id, SequenceState state, String reason, String remedy) {
        return Refusal.of(Refusal.Kind.WRONG_STATE, "render.sequence_not_active",
                reason + " (state " + state.name().toLowerCase(java.util.Locale.ROOT)
                        + "): only an active sequence is rendered", remedy)
                .withDetails(Map.of("sequence", id, "state", state.name()));
    }
}
