package studio.timelapse.shared.state;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of an entity's history: the creation (version 1, no {@code from}) or a transition.
 *
 * @param version the version the step produced
 * @param transition the transition's name, {@value #CREATE} for the creation
 * @param why what the caller gave as the reason: "pressed pause", "disk full"
 * @param taskUuid the action log task that made the step
 */
public record HistoryEntry<S extends Enum<S>>(String entityType, String entityId, long version, String transition,
        Optional<S> from, S to, Instant at, String why, Optional<String> taskUuid) {

    /** The history's name for the creation of an entity; no transition may be named so. */
    public static final String CREATE = "create";
}
