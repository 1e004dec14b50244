package studio.timelapse.camera.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent tells the LAN about itself over DNS-SD: an instance of {@value #SERVICE_TYPE} named as the user named
 * the camera, on the API's port, with TXT records {@code id}, {@code name}, {@code version}, {@code api} and — when
 * the agent has its TLS certificate — {@code fp}, so the studio can list cameras and check a fingerprint before it
 * pairs.
 *
 * @param name the camera's name as people read it ("Garden Pi"): the DNS-SD instance name, at most 63 bytes in UTF-8
 * @param port the agent's HTTP API port
 * @param cameraId the agent's stable id; the studio keys cameras by it, since names change and collide
 * @param version the agent's version
 * @param fingerprint the TLS certificate's fingerprint in its short form, if the agent serves TLS
 */
public record ServiceAnnouncement(
        String name, int port, String cameraId, String version, Optional<String> fingerprint) {
    /** The DNS-SD service type, fully qualified as JmDNS wants it. */
    public static final String SERVICE_TYPE = "_timelapse._tcp.local.";
    /** Where the agent's HTTP API starts, announced as {@code api}. */
    public static final String API_PATH = "/api/v1";

    /** DNS labels, and so DNS-SD instance names, are at most 63 bytes (RFC 6763 §4.1.1). */
    private static final int MAX_NAME_BYTES = 63;
    /** A TXT string, "key=value", is at most 255 bytes (RFC 6763 §6.1). */
    private static final int MAX_TXT_ENTRY_BYTES = 255;

    public ServiceAnnouncement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(version, "version");
        fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
        if (name.isBlank()) {
            throw new IllegalArgumentException("a camera announces itself under a name; it is blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a camera's name has no control characters: \"" + name + "\"");
        }
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a camera's name is announced in at most " + MAX_NAME_BYTES
                    + " bytes of UTF-8; \"" + name + "\" takes " + nameBytes);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the API port is 1 to 65535, not " + port);
        }
        if (cameraId.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("a camera announces its id and version; "
                    + (cameraId.isBlank() ? "the id" : "the version") + " is blank");
        }
        if (fingerprint.isPresent() && fingerprint.get().isBlank()) {
            throw new IllegalArgumentException("a fingerprint, when given, is not blank");
        }
        txtOf(name, cameraId, version, fingerprint);
    }

    /** Without a TLS fingerprint. */
    public static ServiceAnnouncement of(String name, int port, String cameraId, String version) {
        return new ServiceAnnouncement(name, port, cameraId, version, Optional.empty());
    }

    /** The same announcement with the TLS certificate's fingerprint. */
    public ServiceAnnouncement withFingerprint(String shortFingerprint) {
        return new ServiceAnnouncement(name, port, cameraId, version, Optional.of(shortFingerprint));
    }

    /** The TXT records, in the order they are sent. */
    public Map<String, String> txt() {
        return txtOf(name, cameraId, version, fingerprint);
    }

    private static Map<String, String> txtOf(String name, String id, String version, Optional<String> fingerprint) {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put("id", id);
        txt.put("name", name);
        txt.put("version", version);
        txt.put("api", API_PATH);
        fingerprint.ifPresent(fp -> txt.put("fp", fp));
        txt.forEach((key, value) -> {
            int bytes = (key + "=" + value).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TXT_ENTRY_BYTES) {
                throw new IllegalArgumentException("the TXT record " + key + " takes " + bytes + " bytes; at most "
                        + MAX_TXT_ENTRY_BYTES + " fit");
            }
        });
        return Collections.unmodifiableMap(txt);
    }
}
