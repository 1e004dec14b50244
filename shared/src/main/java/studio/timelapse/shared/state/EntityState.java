package studio.timelapse.shared.state;

import java.time.Instant;
import java.util.Objects;

/**
 * An entity's state as stored: pass its {@code version} back to {@link StateStore#fire} to say which state the
 * decision was made on.
 *
 * @param since when the entity entered this state (a transition that stays does not move it)
 */
public record EntityState<S extends Enum<S>>(String entityType, String entityId, S state, long version,
        Instant since) {

    public EntityState {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
