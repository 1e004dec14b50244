package studio.timelapse.camera.pairing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pairing code as an LED blinks it, for a camera without a screen: each digit as that many short flashes (zero as
 * one long flash), a pause between digits, and a long dark pause before the code repeats. The LED driver plays
 * {@link #steps()} in a loop while the window is open.
 */
public record PairingCodePattern(List<LedStep> steps) {
    static final Duration FLASH = Duration.ofMillis(250);
    static final Duration BETWEEN_FLASHES = Duration.ofMillis(250);
    static final Duration ZERO_FLASH = Duration.ofMillis(1000);
    static final Duration BETWEEN_DIGITS = Duration.ofMillis(1500);
    static final Duration BEFORE_REPEAT = Duration.ofMillis(4000);

    /** The LED on or off for a while. */
    public record LedStep(boolean lit, Duration length) {}

    public PairingCodePattern {
        steps = List.copyOf(steps);
    }

    public static PairingCodePattern of(PairingCode code) {
        List<LedStep> steps = new ArrayList<>();
        String digits = code.digits();
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (digit == 0) {
                steps.add(new LedStep(true, ZERO_FLASH));
            } else {
                for (int flash = 0; flash < digit; flash++) {
                    if (flash > 0) {
                        steps.add(new LedStep(false, BETWEEN_FLASHES));
                    }
                    steps.add(new LedStep(true, FLASH));
                }
            }
            steps.add(new LedStep(false, i == digits.length() - 1 ? BEFORE_REPEAT : BETWEEN_DIGITS));
        }
        return new PairingCodePattern(steps);
    }

    /** How long one round of the pattern takes. */
    public Duration cycle() {
        return steps.stream().map(LedStep::length).reduce(Duration.ZERO, Duration::plus);
    }
}
