package studio.timelapse.shared.state;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The lifecycle every persistent entity shares: it is created <em>initialising</em>, becomes <em>ready</em>, may
 * <em>fail</em> (and be retried), and ends <em>deleting</em> then <em>deleted</em>. An entity's own states live
 * inside "ready": its enum names which constants play the lifecycle's parts, and every other constant is a
 * {@linkplain #working() working state}.
 *
 * <p>A camera: {@code Lifecycle.of(INITIALISING, DISCOVERED, DELETING, DELETED, FAILED)} — it is ready once
 * discovered, and pairing, online, capturing… are its working states. A sequence with no states of its own:
 * {@code Lifecycle.of(INITIALISING, READY, DELETING, DELETED, FAILED)}.
 *
 * @param initialising where every entity starts
 * @param ready the state the {@value #READY} transition enters; the first working state
 * @param deleting deletion has started (its work may take a while)
 * @param deleted deletion is done; nothing leaves this state
 * @param failed something needs a person: {@value #RETRY} or {@value #DELETE}
 */
public record Lifecycle<S extends Enum<S>>(S initialising, S ready, S deleting, S deleted, S failed) {
    /** initialising → the ready state. */
    public static final String READY = "ready";
    /** any working state, or failed → deleting. */
    public static final String DELETE = "delete";
    /** deleting → deleted. */
    public static final String DELETED = "deleted";
    /** any state but deleted and failed → failed. */
    public static final String FAIL = "fail";
    /** failed → initialising. */
    public static final String RETRY = "retry";

    /** Where a state stands in the lifecycle, whatever its entity: for lists ("hide deleted") and recovery. */
    public enum Phase { INITIALISING, READY, DELETING, DELETED, FAILED }

    public Lifecycle {
        List.of(initialising, ready, deleting, deleted, failed).forEach(Objects::requireNonNull);
        if (EnumSet.of(initialising, ready, deleting, deleted, failed).size() != 5) {
            throw new IllegalArgumentException("the lifecycle's five parts are five different states");
        }
    }

    public static <S extends Enum<S>> Lifecycle<S> of(S initialising, S ready, S deleting, S deleted, S failed) {
        return new Lifecycle<>(initialising, ready, deleting, deleted, failed);
    }

    /** The enum of the entity's states. */
    public Class<S> stateType() {
        return initialising.getDeclaringClass();
    }

    /** The states of the entity's own work: every constant but initialising, deleting, deleted and failed. */
    public Set<S> working() {
        EnumSet<S> working = EnumSet.allOf(stateType());
        working.removeAll(EnumSet.of(initialising, deleting, deleted, failed));
        return working;
    }

    public Phase phase(S state) {
        if (state == initialising) {
            return Phase.INITIALISING;
        } else if (state == deleting) {
            return Phase.DELETING;
        } else if (state == deleted) {
            return Phase.DELETED;
        } else if (state == failed) {
            return Phase.FAILED;
        }
        return Phase.READY;
    }

    /** The five lifecycle transitions, without guards; a machine adds its own with {@code guard(name, …)}. */
    <C> List<Transition<S, C>> transitions() {
        Set<S> deletable = working();
        deletable.add(failed);
        EnumSet<S> failable = EnumSet.allOf(stateType());
        failable.removeAll(EnumSet.of(deleted, failed));
        return List.of(
                Transition.of(READY, EnumSet.of(initialising), ready),
                Transition.of(DELETE, deletable, deleting),
                Transition.of(DELETED, EnumSet.of(deleting), deleted),
                Transition.of(FAIL, failable, failed),
                Transition.of(RETRY, EnumSet.of(failed), initialising));
    }
}
