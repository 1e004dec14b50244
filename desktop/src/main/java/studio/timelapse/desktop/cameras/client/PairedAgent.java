package studio.timelapse.desktop.cameras.client;

import java.util.Objects;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * Everything the studio needs to talk to one paired camera agent: where it answers, the certificate pinned when it
 * paired, and the id the agent gave this studio.
 *
 * @param cameraId the agent's own id ({@code camera-…}), the library's key for the camera
 * @param name what people call it ("North field"), for messages
 * @param studioId the id this studio was given at pairing: the subject of its tokens
 */
public record PairedAgent(String cameraId, String name, AgentAddress address, CertificateFingerprint fingerprint,
        String studioId) {

    public PairedAgent {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(studioId, "studioId");
    }

    /** The same agent at another address (DHCP moved it, mDNS found it again). */
    public PairedAgent at(AgentAddress newAddress) {
        return new PairedAgent(cameraId, name, newAddress, fingerprint, studioId);
    }

    /** "camera 'North field' (camera-1a90… at 192.168.1.20:8443)": how messages name it. */
    public String describe() {
        return "camera '" + name + "' (" + cameraId + " at " + address + ")";
    }
}
