package studio.timelapse.camera.gpio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the status LED does: a list of phases, each lit or dark for a while, played once or over and over. A pattern
 * played once holds its last phase when it ends, so a single lit phase is a steady light.
 *
 * @param name what the pattern means, for the log ("idle", "pairing")
 * @param phases at least one; lengths positive
 * @param repeats whether the phases start again after the last one
 */
public record BlinkPattern(String name, List<Phase> phases, boolean repeats) {

    /** One stretch of the pattern: the LED lit or dark for {@code length}. */
    public record Phase(boolean lit, Duration length) {
        public Phase {
            Objects.requireNonNull(length, "length");
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a phase lasts a positive time, not " + length);
            }
        }

        static Phase on(long millis) {
            return new Phase(true, Duration.ofMillis(millis));
        }

        static Phase off(long millis) {
            return new Phase(false, Duration.ofMillis(millis));
        }
    }

    // A pairing code's blinks: slow enough to count, with pauses long enough to tell digits and codes apart.
    private static final long CODE_BLINK_MS = 250;
    private static final long CODE_DIGIT_PAUSE_MS = 1_000;
    private static final long CODE_REPEAT_PAUSE_MS = 2_500;
    private static final int MAX_CODE_DIGITS = 12;

    public BlinkPattern {
        Objects.requireNonNull(name, "name");
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a blink pattern needs at least one phase: " + name);
        }
    }

    /** Nothing to show: the LED dark. */
    public static BlinkPattern off() {
        return new BlinkPattern("off", List.of(Phase.off(1)), false);
    }

    /** Running and waiting for work: a short blink every three seconds, like a slow heartbeat. */
    public static BlinkPattern idle() {
        return new BlinkPattern("idle", List.of(Phase.on(100), Phase.off(2_900)), true);
    }

    /** A capture plan is running: a steady light; each frame taken winks it off ({@link #frameTaken()}). */
    public static BlinkPattern capturing() {
        return new BlinkPattern("capturing", List.of(Phase.on(1)), false);
    }

    /** Played once over {@link #capturing()} when a frame is taken: a short dark wink. */
    public static BlinkPattern frameTaken() {
        return new BlinkPattern("frame_taken", List.of(Phase.off(150)), false);
    }

    /** Waiting or held (outside the capture window, paused, no disk): two short blinks every three seconds. */
    public static BlinkPattern waiting() {
        return new BlinkPattern("waiting",
                List.of(Phase.on(100), Phase.off(150), Phase.on(100), Phase.off(2_650)), true);
    }

    /** Something is wrong (the camera fails, the disk is full): a fast even blink, five times a second. */
    public static BlinkPattern error() {
        return new BlinkPattern("error", List.of(Phase.on(100), Phase.off(100)), true);
    }

    /**
     * The pairing window is open and shows its code: each digit {@code d} as {@code d} blinks ({@code 0} as ten),
     * a pause between digits, a longer pause before the code starts again — so "4071" reads 4, 10, 7, 1.
     *
     * @param digits the code, one to twelve decimal digits
     */
    public static BlinkPattern pairingCode(String digits) {
        Objects.requireNonNull(digits, "digits");
        boolean decimal = digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits.isEmpty() || digits.length() > MAX_CODE_DIGITS || !decimal) {
            throw new IllegalArgumentException(
                    "a pairing code to blink is 1 to " + MAX_CODE_DIGITS + " decimal digits, not \"" + digits + "\"");
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            int blinks = digit == 0 ? 10 : digit;
            boolean lastDigit = i == digits.length() - 1;
            for (int blink = 1; blink <= blinks; blink++) {
                phases.add(Phase.on(CODE_BLINK_MS));
                long pause = blink < blinks ? CODE_BLINK_MS : lastDigit ? CODE_REPEAT_PAUSE_MS : CODE_DIGIT_PAUSE_MS;
                phases.add(Phase.off(pause));
            }
        }
        return new BlinkPattern("pairing", phases, true);
    }

    /** The same pattern at another tempo: every phase's length times {@code factor} (at least a nanosecond). */
    public BlinkPattern scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a tempo factor is a positive number, not " + factor);
        }
        List<Phase> scaled = phases.stream()
                .map(phase -> new Phase(phase.lit(),
                        Duration.ofNanos(Math.max(1, Math.round(phase.length().toNanos() * factor)))))
                .toList();
        return new BlinkPattern(name, scaled, repeats);
    }
}
