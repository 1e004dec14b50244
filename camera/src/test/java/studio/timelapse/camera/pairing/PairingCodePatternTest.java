package studio.timelapse.camera.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.timelapse.camera.pairing.PairingCodePattern.LedStep;

class PairingCodePatternTest {

    @Test
    void eachDigitIsThatManyShortFlashesAndZeroIsOneLongFlash() {
        List<LedStep> steps = PairingCodePattern.of(new PairingCode("201000")).steps();

        assertThat(steps.subList(0, 6)).containsExactly(
                lit(250), dark(250), lit(250), dark(1500), // 2
                lit(1000), dark(1500)); // 0
        assertThat(steps.get(steps.size() - 1)).isEqualTo(dark(4000));
    }

    @Test
    void thePatternReadsBackAsTheCode() {
        for (String digits : List.of("000000", "999999", "123456", "507080")) {
            assertThat(readBack(PairingCodePattern.of(new PairingCode(digits)))).isEqualTo(digits);
        }
    }

    @Test
    void aRoundOfTheLongestCodeTakesUnderAMinute() {
        assertThat(PairingCodePattern.of(new PairingCode("999999")).cycle()).isLessThan(Duration.ofMinutes(1));
    }

    /** What a person counting flashes would write down. */
    private static String readBack(PairingCodePattern pattern) {
        StringBuilder digits = new StringBuilder();
        List<LedStep> flashes = new ArrayList<>();
        for (LedStep step : pattern.steps()) {
            if (step.lit()) {
                flashes.add(step);
            } else if (step.length().compareTo(Duration.ofMillis(1000)) >= 0) {
                boolean zero = flashes.size() == 1 && flashes.get(0).length().compareTo(Duration.ofMillis(1000)) >= 0;
                digits.append(zero ? 0 : flashes.size());
                flashes.clear();
            }
        }
        return digits.toString();
    }

    private static LedStep lit(long millis) {
        return new LedStep(true, Duration.ofMillis(millis));
    }

    private static LedStep dark(long millis) {
        return new LedStep(false, Duration.ofMillis(millis));
    }
}
