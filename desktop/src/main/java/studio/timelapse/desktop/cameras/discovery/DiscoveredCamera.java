package studio.timelapse.desktop.cameras.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.desktop.cameras.client.AgentAddress;

/**
 * A camera agent heard on the LAN: its DNS-SD instance of {@code _timelapse._tcp} with the TXT records it announces.
 *
 * @param cameraId the agent's id (TXT {@code id}): the library's key, since names change and collide
 * @param name the camera's name as its owner set it (TXT {@code name}, else the instance name)
 * @param version the agent's version (TXT {@code version})
 * @param fingerprintShort the short fingerprint of its certificate, if announced (TXT {@code fp}); a hint only —
 *     mDNS is not authenticated, the pairing handshake decides
 * @param addresses where it answers, IPv4 first; never empty
 */
public record DiscoveredCamera(String cameraId, String name, String version, Optional<String> fingerprintShort,
        List<AgentAddress> addresses) {

    public DiscoveredCamera {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        fingerprintShort = fingerprintShort == null ? Optional.empty() : fingerprintShort;
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a discovered camera has an address");
        }
    }
}
