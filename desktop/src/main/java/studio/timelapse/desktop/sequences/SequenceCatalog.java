package studio.timelapse.desktop.sequences;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.Command;
import studio.timelapse.shared.state.EntityState;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.LockCheck;
import studio.timelapse.shared.state.StateStore;

/**
 * The sequences of a library with their lifecycles: what the command line and the studio window list, define,
 * archive and delete. Every change goes through the sequence state machine ({@link SequenceMachine}), so a screen
 * asks {@link #available} and {@link #explain} and never re-implements a rule.
 *
 * <p>Camera streams and imports are made by their features (with the camera, with the import); the catalog gives
 * each its lifecycle the first time it sees it, and finishes a deletion that a killed process left half done.
 */
public final class SequenceCatalog {
    private final Sequences sequences;
    private final Frames frames;
    private final StateStore<SequenceState, SequenceFacts> states;

    /**
     * @param locks the library's locks as a lock check ({@code locks.asLockCheck(self)}): a sequence is not deleted
     *              while anyone else holds a lock on it
     */
    public SequenceCatalog(Library library, LockCheck locks) {
        this.sequences = Sequences.of(library);
        this.frames = Frames.of(library);
        this.states = new StateStore<>(library.database(), library.log(), library.clock(), SequenceMachine.build(locks));
    }

    /** The lock a render of the sequence holds while it reads the sequence's frames. */
    public static String renderLock(long sequenceId) {
        return SequenceMachine.renderLock(sequenceId);
    }

    /** Every sequence that is not deleted, oldest first. */
    public List<SequenceView> list() {
        List<SequenceView> views = new ArrayList<>();
        for (Sequence sequence : sequences.all()) {
            SequenceView view = view(sequence);
            if (view.state().state() == SequenceState.DELETING) {
                view = finishDeletingIfFree(view);
            }
            if (view.state().state() != SequenceState.DELETED) {
                views.add(view);
            }
        }
        return views;
    }

    public Optional<SequenceView> find(long id) {
        return sequences.find(id).map(this::view);
    }

    public Optional<SequenceView> findByName(String name) {
        return sequences.findByName(name).map(this::view);
    }

    /**
     * @throws RefusedException NOT_FOUND
     */
    public SequenceView get(long id) {
        return find(id).orElseThrow(() -> new RefusedException(unknown(id)));
    }

    /**
     * Defines a sequence by rules; it is active at once.
     *
     * @throws RefusedException INVALID or CONFLICT, with every reason (see {@link Sequences#define})
     */
    public SequenceView define(String name, SequenceDefinition definition, String why) {
        Sequence sequence = sequences.define(name, definition);
        return ready(sequence, states.create(sequence.entityId(), why), why);
    }

    public SequenceView archive(long id, String why) {
        return fire(get(id), SequenceMachine.ARCHIVE, why);
    }

    public SequenceView unarchive(long id, String why) {
        return fire(get(id), SequenceMachine.UNARCHIVE, why);
    }

    /** The transitions that could fire now ({@code archive}, {@code unarchive}, {@code delete}, …). */
    public List<String> available(long id) {
        SequenceView view = get(id);
        return states.available(view.sequence().entityId(), new SequenceFacts(view.sequence()));
    }

    /** Why {@code transition} cannot fire now, every reason; empty when it can. */
    public List<Refusal> explain(long id, String transition) {
        SequenceView view = get(id);
        return states.explain(view.sequence().entityId(), transition, new SequenceFacts(view.sequence()));
    }

    /**
     * Deletes a sequence defined by rules (its frames stay with their cameras and imports; its renders keep their
     * files).
     *
     * @throws RefusedException NOT_FOUND; GUARD for a camera stream or import; LOCKED while it is being rendered,
     *         naming the render and what to do
     */
    public void delete(long id, String why) {
        SequenceView view = get(id);
        if (view.state().state() != SequenceState.DELETING) {
            view = fire(view, Lifecycle.DELETE, why);
        }
        finishDeleting(view, why);
    }

    /** How many frames the sequence lists. */
    public long countFrames(long id) {
        return frames.countInSequence(get(id).id());
    }

    private SequenceView fire(SequenceView view, String transition, String why) {
        return new SequenceView(view.sequence(), states.fire(view.sequence().entityId(), transition,
                view.state().version(), new SequenceFacts(view.sequence()), why));
    }

    /** The row goes in the same transaction as the step to deleted: both happen, or neither. */
    private SequenceView finishDeleting(SequenceView view, String why) {
        Command removeRow = new Command() {
            @Override
            public String transition() {
                return Lifecycle.DELETED;
            }

            @Override
            public void apply(Connection connection, EntityState<?> after) throws SQLException {
                sequences.removing(view.id()).run(connection);
            }
        };
        return new SequenceView(view.sequence(), states.execute(view.sequence().entityId(), removeRow,
                view.state().version(), new SequenceFacts(view.sequence()), why));
    }

    private SequenceView finishDeletingIfFree(SequenceView view) {
        try {
            return finishDeleting(view, "finishing a deletion a stopped process left half done");
        } catch (RefusedException stillInUse) {
            return view;
        }
    }

    /** The sequence with its lifecycle, which is created (active) the first time a camera stream or import is seen. */
    private SequenceView view(Sequence sequence) {
        Optional<EntityState<SequenceState>> state = states.current(sequence.entityId());
        if (state.isPresent() && state.get().state() == SequenceState.INITIALISING) {
            return ready(sequence, state.get(), "finishing a creation a stopped process left half done");
        }
        if (state.isPresent()) {
            return new SequenceView(sequence, state.get());
        }
        String why = sequence.kind() == SequenceKind.CAMERA ? "the stream of a camera added to the library"
                : sequence.kind() == SequenceKind.IMPORT ? "an import" : "a sequence defined before its lifecycle";
        try {
            return ready(sequence, states.create(sequence.entityId(), why), why);
        } catch (RefusedException anotherProcessWasFirst) {
            return new SequenceView(sequence, states.current(sequence.entityId()).orElseThrow(
                    () -> anotherProcessWasFirst));
        }
    }

    private SequenceView ready(Sequence sequence, EntityState<SequenceState> initialising, String why) {
        try {
            return new SequenceView(sequence, states.fire(sequence.entityId(), Lifecycle.READY,
                    initialising.version(), new SequenceFacts(sequence), why));
        } catch (RefusedException anotherProcessWasFirst) {
            return new SequenceView(sequence, states.current(sequence.entityId()).orElseThrow(
                    () -> anotherProcessWasFirst));
        }
    }

    private static Refusal unknown(long id) {
        return Refusal.of(Refusal.Kind.NOT_FOUND, "sequence.unknown", "there is no sequence " + id,
                "list them with 'timelapse sequences list'").withDetails(Map.of("sequence", id));
    }
}
