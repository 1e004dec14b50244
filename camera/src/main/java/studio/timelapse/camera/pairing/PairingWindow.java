package studio.timelapse.camera.pairing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * An open pairing window, as {@link PairingWindows} keeps it.
 *
 * @param wrongCodes wrong codes tried so far; at {@link PairingWindows#WRONG_CODES_ALLOWED} the window closes
 */
public record PairingWindow(PairingCode code, Opener openedBy, Instant openedAt, Instant expiresAt, int wrongCodes) {

    /**
     * Open from when it was opened until it expires. A clock that went back past the opening (a time sync) counts as
     * closed, so that no clock step can stretch a window beyond its length.
     */
    public boolean isOpenAt(Instant now) {
        return !now.isBefore(openedAt) && now.isBefore(expiresAt);
    }

    public int attemptsLeft() {
        return Math.max(0, PairingWindows.WRONG_CODES_ALLOWED - wrongCodes);
    }

    public Duration remainingAt(Instant now) {
        return isOpenAt(now) ? Duration.between(now, expiresAt) : Duration.ZERO;
    }

    /** The LED blink sequence of the code. */
    public PairingCodePattern pattern() {
        return PairingCodePattern.of(code);
    }

    /** What the console shows when the window opens: the code and the fingerprint a person compares. */
    public List<String> consoleLines(CertificateFingerprint fingerprint, ZoneId zone) {
        String until = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(expiresAt);
        return List.of(
                "Pairing is open until " + until + ". In the studio, enter",
                "  code         " + code.grouped(),
                "and check that it shows the same camera fingerprint:",
                "  fingerprint  " + fingerprint.shortForm(),
                "  (in full     " + fingerprint.colonHex() + ")");
    }
}
