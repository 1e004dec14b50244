package studio.timelapse.camera.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The LED on Pi4J's mock platform, its changes heard through the pin's listener. Patterns play faster here than on a
 * camera ({@link BlinkPattern#scaled}) so a test takes a second or two; the checks are on order and rough
 * proportions, never on how fast the machine is.
 */
class StatusLedTest {
    private static final int PIN = 17;

    @RegisterExtension
    final MockGpio gpio = new MockGpio();

    private final RecordingLog log = new RecordingLog();
    private StatusLed led;
    private PinRecorder pin;

    @BeforeEach
    void openLed() {
        led = StatusLed.open(gpio.context(), PIN, log.log());
        pin = PinRecorder.on(gpio.output(PIN));
    }

    @AfterEach
    void closeLed() {
        led.close();
        log.close();
    }

    @Test
    void idle_is_a_short_blink_then_a_long_dark_pause() {
        led.show(BlinkPattern.idle().scaled(0.1));

        await().until(() -> pin.blinks() >= 4);

        assertThat(pin.levels()).startsWith(true, false, true, false, true, false, true);
        List<PinRecorder.Stretch> stretches = pin.stretches();
        Duration longestLit = longest(stretches, true);
        Duration shortestDark = shortest(stretches, false);
        assertThat(longestLit).isLessThan(shortestDark);
        assertThat(pin.litShare()).isLessThan(0.25);
        assertThat(log.ofType("camera:gpio:led_pattern")).singleElement()
                .satisfies(message -> assertThat(message.fields()).containsEntry("pattern", "idle"));
    }

    @Test
    void an_error_blinks_evenly() {
        led.show(BlinkPattern.error().scaled(0.5));

        await().until(() -> pin.blinks() >= 6);

        assertThat(pin.levels()).startsWith(true, false, true, false, true, false);
        assertThat(pin.litShare()).isBetween(0.25, 0.75);
    }

    @Test
    void waiting_is_two_blinks_then_a_long_pause() {
        led.show(BlinkPattern.waiting().scaled(0.2));

        await().until(() -> pin.blinks() >= 5);

        List<Duration> darks = pin.stretches().stream().filter(stretch -> !stretch.lit())
                .map(PinRecorder.Stretch::length).toList();
        // Dark stretches go short (between the two blinks), long (before the next pair), short, long.
        assertThat(darks.size()).isGreaterThanOrEqualTo(4);
        assertThat(darks.get(0)).isLessThan(darks.get(1));
        assertThat(darks.get(2)).isLessThan(darks.get(1));
        assertThat(darks.get(2)).isLessThan(darks.get(3));
    }

    @Test
    void the_pairing_code_4071_blinks_four_ten_seven_one() {
        double tempo = 0.2;
        led.show(BlinkPattern.pairingCode("4071").scaled(tempo));

        // The code has 22 blinks; the 23rd starts it again after the long pause.
        await().until(() -> pin.blinks() >= 23);

        // A dark stretch between a blink (250 ms) and a digit pause (1000 ms) ends a digit; one between a digit pause
        // and the pause before the code repeats (2500 ms) ends the code.
        Duration endsDigit = Duration.ofMillis(Math.round(625 * tempo));
        Duration endsCode = Duration.ofMillis(Math.round(1_750 * tempo));
        assertThat(groups(pin.stretches(), endsDigit, endsCode)).containsExactly(4, 10, 7, 1);
    }

    @Test
    void a_pairing_code_reads_as_groups_of_blinks_with_zero_as_ten() {
        BlinkPattern code = BlinkPattern.pairingCode("4071");

        assertThat(code.repeats()).isTrue();
        assertThat(code.phases()).hasSize(2 * 22);
        List<PinRecorder.Stretch> asPlayed = code.phases().stream()
                .map(phase -> new PinRecorder.Stretch(phase.lit(), phase.length())).toList();
        assertThat(groups(asPlayed, Duration.ofMillis(625), Duration.ofMillis(1_750))).containsExactly(4, 10, 7, 1);
    }

    @Test
    void a_pattern_shown_replaces_the_one_playing_at_once() {
        BlinkPattern slow = new BlinkPattern("slow", List.of(
                new BlinkPattern.Phase(true, Duration.ofHours(1)), new BlinkPattern.Phase(false, Duration.ofHours(1))),
                true);
        led.show(slow);
        await().until(pin::lastLit);

        // Well inside its hour-long lit phase: only an immediate switch gets the error pattern going.
        led.show(BlinkPattern.error().scaled(0.2));

        await().until(() -> pin.blinks() >= 3);
        assertThat(pin.levels()).startsWith(true, false, true, false, true);
        assertThat(led.showing().name()).isEqualTo("error");
    }

    @Test
    void a_frame_taken_winks_the_capturing_light_and_it_comes_back() {
        led.show(BlinkPattern.capturing());
        await().until(pin::lastLit);

        led.flash(BlinkPattern.frameTaken().scaled(0.2));

        await().until(() -> pin.levels().size() >= 3);
        assertThat(pin.levels()).containsExactly(true, false, true);
        assertThat(led.showing().name()).isEqualTo("capturing");
    }

    @Test
    void closing_turns_the_led_off_and_frees_its_pin() {
        MockDigitalOutput output = gpio.output(PIN);
        led.show(BlinkPattern.capturing());
        await().until(pin::lastLit);

        led.close();

        assertThat(output.state()).isEqualTo(DigitalState.LOW);
        assertThat(gpio.claimed(PIN)).isFalse();
        led.show(BlinkPattern.error()); // after close: ignored, not thrown
        assertThat(pin.lastLit()).isFalse();
    }

    /** Blinks per group, from the first blink to the first pause long enough to end the code. */
    private static List<Integer> groups(List<PinRecorder.Stretch> stretches, Duration endsDigit, Duration endsCode) {
        List<Integer> groups = new ArrayList<>();
        int blinks = 0;
        for (PinRecorder.Stretch stretch : stretches) {
            if (stretch.lit()) {
                blinks++;
            } else if (stretch.length().compareTo(endsDigit) > 0) {
                groups.add(blinks);
                blinks = 0;
                if (stretch.length().compareTo(endsCode) > 0) {
                    return groups;
                }
            }
        }
        throw new AssertionError("the code never ended; groups so far " + groups + " then " + blinks);
    }

    private static Duration longest(List<PinRecorder.Stretch> stretches, boolean lit) {
        return stretches.stream().filter(s -> s.lit() == lit).map(PinRecorder.Stretch::length)
                .max(Duration::compareTo).orElseThrow();
    }

    private static Duration shortest(List<PinRecorder.Stretch> stretches, boolean lit) {
        return stretches.stream().filter(s -> s.lit() == lit).map(PinRecorder.Stretch::length)
                .min(Duration::compareTo).orElseThrow();
    }
}
