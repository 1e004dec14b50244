package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered set of frames: a camera's stream, an import, or one defined by rules. Its lifecycle (active, archived,
 * deleted) is kept by {@code studio.timelapse.desktop.sequences}.
 *
 * @param cameraId the camera, for a camera's stream
 * @param definition the rules, for a defined sequence
 */
public record Sequence(long id, String name, SequenceKind kind, Optional<String> cameraId,
        Optional<SequenceDefinition> definition, Instant createdAt) {

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        cameraId = cameraId == null ? Optional.empty() : cameraId;
        definition = definition == null ? Optional.empty() : definition;
    }

    /** The entity id of its lifecycle in the shared state store. */
    public String entityId() {
        return Long.toString(id);
    }
}
