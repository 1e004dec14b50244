package studio.timelapse.camera.gpio;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The button on Pi4J's mock platform: the pin reads high while released (pull-up) and low while pressed. Each test
 * waits for what the button reports — held, a gesture's action in the log — rather than for a time.
 */
class ButtonTest {
    private static final int PIN = 27;
    private static final ButtonTiming NO_LONG_PRESS = new ButtonTiming(Duration.ofMillis(30), Duration.ofMinutes(1));

    @RegisterExtension
    final MockGpio gpio = new MockGpio();

    private final RecordingLog log = new RecordingLog();
    private final AtomicInteger captures = new AtomicInteger();
    private final AtomicInteger pairings = new AtomicInteger();
    private final AtomicBoolean heldWhenPairing = new AtomicBoolean();
    private Button button;
    private MockDigitalInput input;

    private void open(ButtonTiming timing, CaptureNow captureNow) {
        button = Button.open(gpio.context(), PIN, timing, captureNow, () -> {
            heldWhenPairing.set(input.state() == LOW);
            pairings.incrementAndGet();
        }, log.log());
        input = gpio.input(PIN);
        input.mockState(HIGH); // released: the pull-up holds the pin high
    }

    private void open(ButtonTiming timing) {
        open(timing, captures::incrementAndGet);
    }

    @AfterEach
    void closeButton() {
        if (button != null) {
            button.close();
        }
        log.close();
    }

    @Test
    void a_short_press_asks_for_a_capture() {
        open(NO_LONG_PRESS);

        input.mockState(LOW);
        await().until(button::held);
        input.mockState(HIGH);

        await().until(() -> finishedPresses().size() == 1);
        assertThat(captures).hasValue(1);
        assertThat(pairings).hasValue(0);
        assertThat(startedPresses()).singleElement().satisfies(press ->
                assertThat(press.fields()).containsEntry("gesture", "short").containsEntry("pin", PIN));
    }

    @Test
    void contact_bounce_on_press_and_release_is_one_press() {
        ButtonTiming timing = new ButtonTiming(Duration.ofMillis(150), Duration.ofMinutes(1));
        open(timing);

        bounce(LOW, HIGH, LOW, HIGH, LOW, HIGH, LOW);
        await().until(button::held);
        bounce(HIGH, LOW, HIGH, LOW, HIGH);
        await().until(() -> !button.held() && finishedPresses().size() >= 1);

        assertThat(captures).hasValue(1);
        assertThat(finishedPresses()).hasSize(1);
    }

    @Test
    void a_glitch_shorter_than_the_debounce_time_is_no_press() {
        open(NO_LONG_PRESS);

        MockGpio.drive(input, LOW, HIGH); // a spike: back high before the debounce time is up
        input.mockState(LOW);
        await().until(button::held);
        input.mockState(HIGH);
        await().until(() -> finishedPresses().size() >= 1);

        assertThat(captures).hasValue(1);
        assertThat(finishedPresses()).hasSize(1);
    }

    @Test
    void a_long_press_opens_the_pairing_window_once_while_still_held_and_its_release_asks_nothing()
            throws InterruptedException {
        ButtonTiming timing = new ButtonTiming(Duration.ofMillis(30), Duration.ofMillis(300));
        open(timing);

        input.mockState(LOW);
        await().until(() -> pairings.get() == 1);
        assertThat(heldWhenPairing).isTrue();
        assertThat(button.held()).isTrue();

        Thread.sleep(3 * timing.longPress().toMillis()); // the user keeps holding: nothing more happens
        input.mockState(HIGH);
        await().until(() -> !log.ofType("camera:gpio:button_release").isEmpty());

        assertThat(pairings).hasValue(1);
        assertThat(captures).hasValue(0);
        assertThat(startedPresses()).singleElement()
                .satisfies(press -> assertThat(press.fields()).containsEntry("gesture", "long"));
        assertThat(log.ofType("camera:gpio:button_release")).singleElement()
                .satisfies(release -> assertThat(release.number("held_ms").orElseThrow())
                        .isGreaterThanOrEqualTo(3.0 * timing.longPress().toMillis()));
    }

    @Test
    void a_failing_request_is_logged_and_the_button_keeps_listening() {
        AtomicInteger tries = new AtomicInteger();
        open(NO_LONG_PRESS, () -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("camera busy");
            }
        });

        press();
        await().until(() -> finishedPresses().size() == 1);
        press();
        await().until(() -> finishedPresses().size() == 2);

        assertThat(tries).hasValue(2);
        assertThat(finishedPresses()).extracting(press -> press.actionStatus().orElseThrow())
                .containsExactly(ActionStatus.FAILED, ActionStatus.SUCCEEDED);
        assertThat(finishedPresses().get(0).fields()).containsEntry("reason", "camera busy");
    }

    @Test
    void closing_frees_the_pin() {
        open(NO_LONG_PRESS);

        button.close();

        assertThat(gpio.claimed(PIN)).isFalse();
        assertThat(button.held()).isFalse();
    }

    private void press() {
        input.mockState(LOW);
        await().until(button::held);
        input.mockState(HIGH);
        await().until(() -> !button.held());
    }

    /** The contact settling: each level a millisecond after the last, well inside the debounce time. */
    private void bounce(DigitalState... levels) {
        for (DigitalState level : levels) {
            input.mockState(level);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The starts of the button_press actions, with the gesture, in order. */
    private List<LogMessage> startedPresses() {
        return log.ofType("camera:gpio:button_press").stream()
                .filter(message -> message.actionStatus().filter(status -> !status.isEnd()).isPresent())
                .toList();
    }

    /** The ends (succeeded or failed) of the button_press actions, in order. */
    private List<LogMessage> finishedPresses() {
        return log.ofType("camera:gpio:button_press").stream()
                .filter(message -> message.actionStatus().filter(ActionStatus::isEnd).isPresent())
                .toList();
    }
}
