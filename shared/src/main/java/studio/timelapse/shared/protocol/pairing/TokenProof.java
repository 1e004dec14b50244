package studio.timelapse.shared.protocol.pairing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * What a studio signs to get an access token: proof that it holds the private key it paired with, bound to one
 * agent (its certificate fingerprint) and to one fresh, single-use challenge from that agent. A challenge instead of
 * a time stamp, because the camera's clock and the studio's may disagree by years (a Pi without a real-time clock).
 *
 * <p>The signed bytes are the UTF-8 text {@code timelapse-token-proof/v1\n<fingerprint>\n<studio id>\n<challenge>};
 * the signature is ECDSA P-256 with SHA-256, DER-encoded, in unpadded base64url.
 *
 * @param agentFingerprint the agent's certificate fingerprint, {@code AB:CD:…} (as in {@link PairingResponse})
 * @param studioId the studio's id at this agent
 * @param challenge the challenge being answered
 */
public record TokenProof(String agentFingerprint, String studioId, String challenge) {
    private static final String CONTEXT = "timelapse-token-proof/v1";
    private static final String ALGORITHM = "SHA256withECDSA";

    public byte[] signedBytes() {
        return String.join("\n", CONTEXT, agentFingerprint, studioId, challenge).getBytes(StandardCharsets.UTF_8);
    }

    /** The studio's side: signs with its private key. */
    public String sign(PrivateKey studioKey) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(studioKey);
            signature.update(signedBytes());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key (an EC P-256 key is needed): "
                    + e.getMessage(), e);
        }
    }

    /** The agent's side: whether {@code proof} is this statement signed by {@code studioKey}. Never throws. */
    public boolean verify(PublicKey studioKey, String proof) {
        if (proof == null || proof.isEmpty()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(studioKey);
            signature.update(signedBytes());
            return signature.verify(Base64.getUrlDecoder().decode(proof));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // malformed base64 or DER is a proof that does not verify
        }
    }
}
