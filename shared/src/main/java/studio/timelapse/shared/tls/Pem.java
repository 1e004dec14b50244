package studio.timelapse.shared.tls;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text (RFC 7468): DER bytes in base64 between {@code -----BEGIN <label>-----} and {@code -----END <label>-----}
 * lines, as {@code openssl} reads and writes them.
 */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END ([A-Z0-9 ]+)-----");

    private Pem() {}

    /** One block with 64-character lines and a final newline. */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER bytes of the first block, which must carry {@code label}.
     *
     * @throws IllegalArgumentException saying what is wrong: no block, another label, broken base64
     */
    public static byte[] decode(String label, String text) {
        Objects.requireNonNull(text, "text");
        Matcher block = BLOCK.matcher(text);
        if (!block.find()) {
            throw new IllegalArgumentException("expected PEM text starting with -----BEGIN " + label + "-----");
        }
        if (!block.group(1).equals(label) || !block.group(3).equals(label)) {
            throw new IllegalArgumentException("expected a PEM " + label + ", found a " + block.group(1));
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM " + label + " is not valid base64: " + e.getMessage(), e);
        }
        if (der.length == 0) {
            throw new IllegalArgumentException("the PEM " + label + " is empty");
        }
        return der;
    }
}
