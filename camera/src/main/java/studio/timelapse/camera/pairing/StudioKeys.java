package studio.timelapse.camera.pairing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import studio.timelapse.shared.tls.Pem;

/** A studio's public key as it pairs: EC P-256 in a PEM {@code PUBLIC KEY}, and nothing else. */
final class StudioKeys {
    private static final ECParameterSpec P256 = p256();

    private StudioKeys() {}

    /**
     * @throws IllegalArgumentException saying what is wrong with the text, for the 400 answer
     */
    static ECPublicKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the studio's public key is missing");
        }
        byte[] der = Pem.decode(Pem.PUBLIC_KEY, pem);
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the studio's public key is not an EC key");
        }
        if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
            throw new IllegalArgumentException("the studio's public key must be on the P-256 curve");
        }
        return ec;
    }

    /** The key in canonical PEM, as the agent stores it. */
    static String pem(ECPublicKey key) {
        return Pem.encode(Pem.PUBLIC_KEY, key.getEncoded());
    }

    /** SHA-256 of the key's SubjectPublicKeyInfo, in hex: the studio's identity, whatever it calls itself. */
    static String sha256(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder()) && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime knows the P-256 curve", e);
        }
    }
}
