package studio.timelapse.camera.pairing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * A pairing window's one-time code: six digits — short enough to read off a console or count off an LED, and with
 * five guesses per window a guesser's chance is one in 200,000.
 */
public record PairingCode(String digits) {
    public static final int LENGTH = 6;

    public PairingCode {
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("[0-9]{" + LENGTH + "}")) {
            throw new IllegalArgumentException("a pairing code is " + LENGTH + " digits");
        }
    }

    public static PairingCode random(SecureRandom random) {
        // Locale.ROOT: some locales format numbers with other digits than 0-9.
        return new PairingCode(String.format(Locale.ROOT, "%0" + LENGTH + "d", random.nextInt(1_000_000)));
    }

    /** What a person may type for a code: its digits, perhaps grouped with spaces or dashes as the console shows. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    /** Whether {@code typed} is this code, compared in constant time. */
    public boolean matches(String typed) {
        return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII),
                normalise(typed).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code 123 456}, as the console shows it. */
    public String grouped() {
        return digits.substring(0, 3) + " " + digits.substring(3);
    }

    /** Masked, so that a code does not end up in a log by accident; {@link #digits()} gives it on purpose. */
    @Override
    public String toString() {
        return "PairingCode[******]";
    }
}
