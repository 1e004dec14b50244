package studio.timelapse.shared.protocol.pairing;

/**
 * {@code POST /api/v1/pairing}: a studio asks to pair while the camera's pairing window is open. The agent checks
 * every field and answers all mistakes at once, so the record itself accepts anything.
 *
 * @param code the one-time code the camera shows (6 digits)
 * @param studioName how the camera will name this studio in its logs and lists (1–100 characters)
 * @param studioPublicKey the studio's EC P-256 public key as a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo); token
 *     requests must be signed with the matching private key
 */
public record PairingRequest(String code, String studioName, String studioPublicKey) {}
