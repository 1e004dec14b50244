package studio.timelapse.shared.protocol.pairing;

/**
 * The agent's answer to a successful pairing.
 *
 * @param studioId the id the agent gave this studio: the subject of its tokens and the key of its token requests
 * @param agentId the agent's stable id, derived from its certificate
 * @param certificateFingerprint SHA-256 of the agent's certificate, {@code AB:CD:…}: the studio checks it equals the
 *     one it saw in the TLS handshake, then pins it
 * @param fingerprintShort the short form the camera shows next to the pairing code, for a person to compare
 * @param challenge the first challenge to sign for {@code POST /api/v1/token}
 */
public record PairingResponse(String studioId, String agentId, String certificateFingerprint, String fingerprintShort,
        String challenge) {}
