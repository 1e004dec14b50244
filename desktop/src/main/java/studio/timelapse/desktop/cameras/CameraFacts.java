package studio.timelapse.desktop.cameras;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.state.EntityState;

/**
 * What the camera machine's guards look at: the camera's name and stored state (with when it entered it and why),
 * and the moment and zone to word times in.
 */
public record CameraFacts(String cameraId, String name, Optional<EntityState<CameraState>> entity, Optional<String> why,
        Instant now, ZoneId zone) {

    public CameraFacts {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(name, "name");
        entity = entity == null ? Optional.empty() : entity;
        why = why == null ? Optional.empty() : why;
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }

    public Optional<CameraState> state() {
        return entity.map(EntityState::state);
    }

    /** "14:02" today, else "2026-06-20 14:02", in the studio's zone. */
    public String sinceWords() {
        return entity.map(EntityState::since).map(since -> {
            ZonedDateTime at = since.atZone(zone);
            boolean today = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
            return at.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
        }).orElse("?");
    }
}
