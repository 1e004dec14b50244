package studio.timelapse.camera.gpio;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.testing.RecordingLog;

/** Where the agent gets its LED and button: real ones on a Pi (here Pi4J's mock platform), none anywhere else. */
class GpioBoardTest {
    private static final GpioPins PINS = GpioPins.standard();
    private static final Supplier<Context> NEVER = () -> {
        throw new AssertionError("Pi4J must not be started here");
    };

    @RegisterExtension
    final MockGpio gpio = new MockGpio();

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void a_laptop_has_no_gpio_and_the_agent_runs_on_with_a_light_and_button_that_do_nothing() {
        GpioAccess laptop = new GpioAccess(dir.resolve("no-device-tree/model"), dir.resolve("gpiochip0"));

        try (GpioBoard board = GpioBoard.start(PINS, log.log(), laptop, NEVER)) {
            board.statusLight().show(BlinkPattern.error());
            board.statusLight().flash(BlinkPattern.frameTaken());
            PushButton button = board.button(() -> { }, () -> { });

            assertThat(board.statusLight().showing().name()).isEqualTo("error");
            assertThat(button.held()).isFalse();
            assertThat(board.unavailable()).map(Refusal::code).hasValue("gpio.not_a_pi");
        }
        assertThat(unavailableMessages()).singleElement().satisfies(message -> {
            assertThat(message.text("code")).hasValue("gpio.not_a_pi");
            assertThat(message.text("reason").orElseThrow()).contains("Not a Raspberry Pi");
            assertThat(message.text("remedy").orElseThrow()).contains("runs without");
        });
    }

    @Test
    void another_board_is_not_a_pi_either() throws IOException {
        GpioAccess odroid = new GpioAccess(write("model", "Hardkernel ODROID-N2Plus\0"), write("gpiochip0", ""));

        try (GpioBoard board = GpioBoard.start(PINS, log.log(), odroid, NEVER)) {
            assertThat(board.unavailable()).map(Refusal::reason)
                    .hasValue("Not a Raspberry Pi: the board is a Hardkernel ODROID-N2Plus");
        }
    }

    @Test
    void a_pi_without_its_gpio_device_says_so() throws IOException {
        GpioAccess pi = new GpioAccess(write("model", "Raspberry Pi 4 Model B Rev 1.5\0"), dir.resolve("gpiochip0"));

        try (GpioBoard board = GpioBoard.start(PINS, log.log(), pi, NEVER)) {
            assertThat(board.unavailable()).map(Refusal::code).hasValue("gpio.no_device");
            assertThat(board.unavailable().orElseThrow().reason()).contains("Raspberry Pi 4 Model B Rev 1.5");
        }
    }

    @Test
    void a_pi4j_that_fails_to_start_leaves_the_agent_without_gpio() throws IOException {
        GpioAccess pi = aPi();

        try (GpioBoard board = GpioBoard.start(PINS, log.log(), pi, () -> {
            throw new IllegalStateException("libgpiod.so: cannot open shared object file");
        })) {
            board.statusLight().show(BlinkPattern.idle());

            assertThat(board.unavailable()).map(Refusal::code).hasValue("gpio.start_failed");
            assertThat(board.unavailable().orElseThrow().reason()).contains("libgpiod.so");
            assertThat(board.unavailable().orElseThrow().remedy().orElseThrow()).contains("gpio group");
        }
        assertThat(unavailableMessages()).hasSize(1);
    }

    @Test
    void on_a_pi_the_led_and_button_drive_their_pins() throws IOException {
        AtomicInteger captures = new AtomicInteger();
        try (GpioBoard board = GpioBoard.start(PINS, log.log(), aPi(), gpio::context)) {
            board.statusLight().show(BlinkPattern.capturing());
            PushButton button = board.button(captures::incrementAndGet, () -> { });
            MockDigitalInput input = gpio.input(PINS.buttonPin());

            await().until(() -> gpio.output(PINS.ledPin()).state() == HIGH);
            input.mockState(HIGH);
            input.mockState(LOW);
            await().until(button::held);
            input.mockState(HIGH);
            await().until(() -> captures.get() == 1);

            assertThat(board.unavailable()).isEmpty();
            assertThat(log.ofType("camera:gpio:ready")).singleElement().satisfies(message ->
                    assertThat(message.text("model")).hasValue("Raspberry Pi 4 Model B Rev 1.5"));
        }
        assertThat(gpio.context().isShutdown()).as("the board started Pi4J, so it shuts it down").isTrue();
    }

    @Test
    void a_pin_that_will_not_open_leaves_that_device_out() {
        // Something else already drives the LED's pin.
        gpio.context().create(DigitalOutput.newConfigBuilder(gpio.context()).id("other").address(PINS.ledPin()));

        try (GpioBoard board = GpioBoard.on(gpio.context(), PINS, log.log())) {
            board.statusLight().show(BlinkPattern.idle());
            PushButton button = board.button(() -> { }, () -> { });

            assertThat(board.unavailable()).map(Refusal::code).hasValue("gpio.led_failed");
            assertThat(button).isInstanceOf(Button.class);
        }
        assertThat(gpio.context().isShutdown()).as("the caller owns the context").isFalse();
    }

    @Test
    void pins_are_checked() {
        assertThatThrownBy(() -> new GpioPins(17, 17, ButtonTiming.standard()))
                .hasMessageContaining("two pins");
        assertThatThrownBy(() -> new GpioPins(28, 27, ButtonTiming.standard()))
                .hasMessageContaining("from 0 to 27, not 28");
        assertThatThrownBy(() -> new ButtonTiming(Duration.ofMillis(50), Duration.ofMillis(50)))
                .hasMessageContaining("lasts longer than the debounce time");
    }

    private GpioAccess aPi() throws IOException {
        return new GpioAccess(write("model", "Raspberry Pi 4 Model B Rev 1.5\0"), write("gpiochip0", ""));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private List<LogMessage> unavailableMessages() {
        return log.ofType("camera:gpio:unavailable");
    }
}
