package studio.timelapse.shared.protocol.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class TokenProofTest {
    private static final String FINGERPRINT = "AB:CD";
    private final KeyPair studio = p256();
    private final TokenProof proof = new TokenProof(FINGERPRINT, "studio-1", "challenge-1");

    @Test
    void theSignedTextNamesTheVersionTheAgentTheStudioAndTheChallenge() {
        assertThat(new String(proof.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("timelapse-token-proof/v1\nAB:CD\nstudio-1\nchallenge-1");
    }

    @Test
    void aSignatureByTheStudioKeyVerifies() {
        assertThat(proof.verify(studio.getPublic(), proof.sign(studio.getPrivate()))).isTrue();
    }

    @Test
    void aSignatureByAnotherKeyDoesNotVerify() {
        assertThat(proof.verify(studio.getPublic(), proof.sign(p256().getPrivate()))).isFalse();
    }

    @Test
    void aSignatureOverAnyOtherStatementDoesNotVerify() {
        String signature = proof.sign(studio.getPrivate());

        assertThat(new TokenProof("AB:CE", "studio-1", "challenge-1").verify(studio.getPublic(), signature)).isFalse();
        assertThat(new TokenProof(FINGERPRINT, "studio-2", "challenge-1").verify(studio.getPublic(), signature)).isFalse();
        assertThat(new TokenProof(FINGERPRINT, "studio-1", "challenge-2").verify(studio.getPublic(), signature)).isFalse();
    }

    @Test
    void malformedProofsAreFalseNotErrors() {
        assertThat(proof.verify(studio.getPublic(), null)).isFalse();
        assertThat(proof.verify(studio.getPublic(), "")).isFalse();
        assertThat(proof.verify(studio.getPublic(), "not base64 !")).isFalse();
        assertThat(proof.verify(studio.getPublic(), "AAAA")).isFalse();
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
