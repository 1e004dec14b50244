package studio.timelapse.shared.protocol.pairing;

/**
 * {@code POST /api/v1/token}: a paired studio asks for an access token and proves it holds its private key.
 *
 * @param studioId the id from {@link PairingResponse#studioId()}
 * @param challenge a challenge the agent issued to this studio, unused; empty to ask for one (the 401 answer
 *     carries a fresh challenge)
 * @param proof {@link TokenProof#sign} over the agent's fingerprint, the studio id and the challenge
 */
public record TokenRequest(String studioId, String challenge, String proof) {}
