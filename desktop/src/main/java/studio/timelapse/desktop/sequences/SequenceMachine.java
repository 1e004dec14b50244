package studio.timelapse.desktop.sequences;

import java.util.Map;
import java.util.Optional;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.Guard;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.LockCheck;
import studio.timelapse.shared.state.StateMachine;

/**
 * The rules of a sequence's lifecycle. Archive and unarchive move it out of the way and back. Deleting is for
 * sequences defined by rules (a camera's stream and an import hold their frames) and is refused while anything holds
 * a lock on the sequence — a render holds {@code sequence:<id>/render} — with who holds it and what to do.
 */
final class SequenceMachine {
    static final String ENTITY_TYPE = "sequence";
    static final String ARCHIVE = "archive";
    static final String UNARCHIVE = "unarchive";

    private SequenceMachine() {}

    static StateMachine<SequenceState, SequenceFacts> build(LockCheck locks) {
        Lifecycle<SequenceState> lifecycle = Lifecycle.of(SequenceState.INITIALISING, SequenceState.ACTIVE,
                SequenceState.DELETING, SequenceState.DELETED, SequenceState.FAILED);
        Guard<SequenceFacts> unused = facts -> notInUse(locks, facts);
        return StateMachine.<SequenceState, SequenceFacts>builder(ENTITY_TYPE, lifecycle)
                .guard(Lifecycle.DELETE, SequenceMachine::definedByRules)
                .guard(Lifecycle.DELETE, unused)
                .guard(Lifecycle.DELETED, unused)
                .transition(ARCHIVE).from(SequenceState.ACTIVE).to(SequenceState.ARCHIVED)
                .transition(UNARCHIVE).from(SequenceState.ARCHIVED).to(SequenceState.ACTIVE)
                .build();
    }

    /** The lock a render of the sequence holds: the whole sequence, for rendering. */
    static String renderLock(long sequenceId) {
        return "sequence:" + sequenceId + "/render";
    }

    private static Optional<Refusal> definedByRules(SequenceFacts facts) {
        SequenceKind kind = facts.sequence().kind();
        if (kind == SequenceKind.DEFINED) {
            return Optional.empty();
        }
        String what = kind == SequenceKind.CAMERA ? "the stream of camera " + facts.sequence().cameraId().orElse("?")
                : "an import";
        return Optional.of(Refusal.of(Refusal.Kind.GUARD, "sequence.holds_frames",
                "'" + facts.sequence().name() + "' is " + what + ": its frames belong to it",
                "archive it instead, or define a sequence over the frames you want")
                .withDetails(Map.of("sequence", facts.sequence().id(), "kind", kind.name())));
    }

    /**
     * LOCKED while another holder has any lock on the sequence or inside it: the delete lock
     * ({@code sequence:<id>/delete}) conflicts with all of them. A render gets words of its own.
     */
    private static Optional<Refusal> notInUse(LockCheck locks, SequenceFacts facts) {
        long id = facts.sequence().id();
        return locks.heldByOther("sequence:" + id + "/delete").map(held -> {
            boolean rendering = held.lock().endsWith("/render");
            String holder = held.holder();
            String reason = rendering
                    ? "sequence " + id + " is being rendered by " + holder + " since " + held.since()
                    : "sequence " + id + " is in use: " + held.lock() + " is held by " + holder + " since "
                            + held.since();
            String job = holder.startsWith("job:") ? holder.substring(4).split("\\D", 2)[0] : "";
            String remedy = (rendering ? "wait for the render to finish or cancel it" : "wait until it is released")
                    + (job.isEmpty() ? "" : " (timelapse jobs cancel " + job + ")");
            return Refusal.of(Refusal.Kind.LOCKED, "sequence.in_use", reason, remedy)
                    .withDetails(Map.of("lock", held.lock(), "holder", holder, "since", held.since().toString()));
        });
    }
}
