package studio.timelapse.camera.pairing;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A studio this camera trusts.
 *
 * @param studioId chosen by the agent at pairing; the subject of the studio's tokens
 * @param name what the studio called itself
 * @param publicKeyPem its EC P-256 public key: token requests must be signed with the matching private key
 * @param keySha256 SHA-256 of that key in hex, to tell studios apart whatever they call themselves
 * @param pairedFrom the address the pairing request came from
 */
public record PairedStudio(String studioId, String name, String publicKeyPem, String keySha256, Instant pairedAt,
        String pairedFrom) {

    public PairedStudio {
        Objects.requireNonNull(studioId, "studioId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(keySha256, "keySha256");
        Objects.requireNonNull(pairedAt, "pairedAt");
        Objects.requireNonNull(pairedFrom, "pairedFrom");
    }

    public ECPublicKey publicKey() {
        return StudioKeys.parse(publicKeyPem);
    }
}
