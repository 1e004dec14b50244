package studio.timelapse.shared.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The SHA-256 digest of a certificate's DER encoding: what the studio pins after pairing, and what a person compares
 * on both screens while pairing.
 *
 * @param sha256Hex 64 lower-case hex digits
 */
public record CertificateFingerprint(String sha256Hex) {
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    /** Hex digits in the short form: 80 bits, enough that nobody can make a certificate that looks the same. */
    private static final int SHORT_DIGITS = 20;

    public CertificateFingerprint {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 lower-case hex digits: " + sha256Hex);
        }
    }

    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return ofDer(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The fingerprint of a certificate's DER bytes. */
    public static CertificateFingerprint ofDer(byte[] der) {
        return new CertificateFingerprint(HEX.formatHex(sha256(der)));
    }

    /**
     * Reads a fingerprint as people and tools write it: {@code AB:CD:…} (as {@code openssl x509 -fingerprint} prints
     * it), or plain hex, in either case.
     */
    public static CertificateFingerprint parse(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "a SHA-256 fingerprint is 32 bytes in hex, as AB:CD:… or abcd…, not '" + text + "'");
        }
        return new CertificateFingerprint(hex);
    }

    /** {@code AB:CD:EF:…}, the familiar form (32 pairs). */
    public String colonHex() {
        return COLON_HEX.formatHex(HEX.parseHex(sha256Hex));
    }

    /** {@code ABCD-EF01-2345-6789-ABCD}: the first 80 bits in five groups, for a person to compare at a glance. */
    public String shortForm() {
        String digits = sha256Hex.substring(0, SHORT_DIGITS).toUpperCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 4) {
            if (i > 0) {
                text.append('-');
            }
            text.append(digits, i, i + 4);
        }
        return text.toString();
    }

    /** Whether {@code certificate} has this fingerprint, compared in constant time. */
    public boolean matches(X509Certificate certificate) {
        byte[] presented = HEX.parseHex(of(certificate).sha256Hex);
        return MessageDigest.isEqual(presented, HEX.parseHex(sha256Hex));
    }

    @Override
    public String toString() {
        return colonHex();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
