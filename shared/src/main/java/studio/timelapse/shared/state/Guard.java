package studio.timelapse.shared.state;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import studio.timelapse.shared.refusal.Refusal;

/**
 * A condition of a transition, checked against the facts {@code C} of the moment (the entity, free space, the caller).
 * Unmet, it returns a {@link Refusal} built from those facts, so that the reason and remedy can be precise: "free
 * 2.1 GB on the camera". Guards only look: they run for {@code available()} and {@code explain()} too, in any state.
 * When a transition fires they run inside the database's write transaction, so keep them quick — no network, no
 * waiting: gather slow facts (the camera's free space) into {@code C} beforehand.
 *
 * <p>Three kinds come ready-made: a plain condition ({@link Refusal.Kind#GUARD}), a permission
 * ({@link Refusal.Kind#FORBIDDEN}) and a lock ({@link Refusal.Kind#LOCKED}).
 */
@FunctionalInterface
public interface Guard<C> {

    /** Empty when the condition is met; otherwise why not. */
    Optional<Refusal> check(C context);

    /** Met when {@code condition} holds; otherwise a GUARD refusal with this code, reason and remedy. */
    static <C> Guard<C> requires(Predicate<? super C> condition, String code, String reason, String remedy) {
        Refusal refusal = Refusal.of(Refusal.Kind.GUARD, code, reason, remedy);
        return context -> condition.test(context) ? Optional.empty() : Optional.of(refusal);
    }

    /** As {@link #requires(Predicate, String, String, String)}, for a condition with no remedy to offer. */
    static <C> Guard<C> requires(Predicate<? super C> condition, String code, String reason) {
        Refusal refusal = Refusal.of(Refusal.Kind.GUARD, code, reason);
        return context -> condition.test(context) ? Optional.empty() : Optional.of(refusal);
    }

    /** Met when the principal of the moment has {@code permission}; otherwise FORBIDDEN, naming both. */
    static <C> Guard<C> permission(String permission, Function<? super C, Principal> principal) {
        Objects.requireNonNull(permission, "permission");
        return context -> {
            Principal who = principal.apply(context);
            if (who.may(permission)) {
                return Optional.empty();
            }
            return Optional.of(Refusal.of(Refusal.Kind.FORBIDDEN, "permission.missing",
                            who.name() + " lacks the permission " + permission,
                            "ask an administrator to grant " + permission)
                    .withDetails(Map.of("principal", who.name(), "permission", permission)));
        };
    }

    /** Met when the lock named from the facts is free (or the caller's own); otherwise LOCKED, with who and since. */
    static <C> Guard<C> unlocked(LockCheck locks, Function<? super C, String> lockName) {
        Objects.requireNonNull(locks, "locks");
        return context -> locks.heldByOther(lockName.apply(context)).map(held -> Refusal.of(Refusal.Kind.LOCKED,
                        "lock.held", held.lock() + " is held by " + held.holder() + " since " + held.since(),
                        "wait until it is released, or stop " + held.holder())
                .withDetails(Map.of("lock", held.lock(), "holder", held.holder(), "since", held.since().toString())));
    }
}
