package studio.timelapse.shared.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks whether a named lock is held by other work. The lock library implements it; this package depends on nothing
 * more, so that locks and state machines can change independently.
 *
 * <p>Inside {@link StateStore#fire} the check runs while this process holds the database's write transaction, so a
 * check that reads the lock table of the same database sees exactly what is committed. It must only read: a write
 * from another connection would wait for that very transaction.
 */
@FunctionalInterface
public interface LockCheck {

    /** Who holds {@code lock}, unless it is free or held by the caller itself. */
    Optional<Held> heldByOther(String lock);

    /**
     * A lock held by other work.
     *
     * @param lock the lock's name, such as {@code camera:7}
     * @param holder who holds it, for a person: "render of sequence 12 (job 40)"
     * @param since when it was taken
     */
    record Held(String lock, String holder, Instant since) {
        public Held {
            Objects.requireNonNull(lock, "lock");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(since, "since");
        }
    }
}
