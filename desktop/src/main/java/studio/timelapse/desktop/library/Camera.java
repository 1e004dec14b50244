package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * A camera agent the library knows.
 *
 * @param id the agent's own id (from mDNS or its pairing answer)
 * @param certificateFingerprint the pinned SHA-256 of the agent's certificate; empty until paired
 * @param studioId the id the agent gave this studio when paired; empty until paired
 * @param location where the camera stands, when known (for daytime rules)
 */
public record Camera(String id, String name, String host, int port, Optional<String> certificateFingerprint,
        Optional<String> studioId, Instant addedAt, Optional<Instant> pairedAt, Optional<Instant> lastSeenAt,
        Optional<GeoPosition> location) {

    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(addedAt, "addedAt");
        certificateFingerprint = certificateFingerprint == null ? Optional.empty() : certificateFingerprint;
        studioId = studioId == null ? Optional.empty() : studioId;
        pairedAt = pairedAt == null ? Optional.empty() : pairedAt;
        lastSeenAt = lastSeenAt == null ? Optional.empty() : lastSeenAt;
        location = location == null ? Optional.empty() : location;
    }

    public boolean paired() {
        return certificateFingerprint.isPresent();
    }
}
