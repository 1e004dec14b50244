package studio.timelapse.camera.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The agent's way to its LED and button. On a Raspberry Pi whose GPIO we may use it drives them through Pi4J;
 * anywhere else — a laptop, a Pi without permission on the GPIO device, a Pi4J that fails to start — it hands out a
 * light and a button that do nothing, logs {@code camera:gpio:unavailable} with the reason and remedy once, and the
 * agent runs on without them.
 */
public final class GpioBoard implements AutoCloseable {
    private final Context pi4j;
    private final boolean ownsContext;
    private final GpioPins pins;
    private final ActionLog log;
    private volatile Refusal unavailable;
    private final StatusLight statusLight;
    private PushButton button = PushButton.none();

    private GpioBoard(Context pi4j, boolean ownsContext, GpioPins pins, ActionLog log, Refusal unavailable) {
        this.pi4j = pi4j;
        this.ownsContext = ownsContext;
        this.pins = pins;
        this.log = log;
        this.unavailable = unavailable;
        this.statusLight = pi4j == null ? StatusLight.none() : openLed();
    }

    /** The GPIO of the machine we run on, if it is a Raspberry Pi we may drive. */
    public static GpioBoard start(GpioPins pins, ActionLog log) {
        return start(pins, log, GpioAccess.ofThisMachine(), Pi4J::newAutoContext);
    }

    /**
     * As {@link #start(GpioPins, ActionLog)}, with where to look and how to start Pi4J given.
     *
     * @param pi4j starts a Pi4J context, asked only when {@code access} finds nothing in the way; the board shuts it
     *     down when it closes
     */
    public static GpioBoard start(GpioPins pins, ActionLog log, GpioAccess access, Supplier<Context> pi4j) {
        Optional<Refusal> refusal = access.refusal();
        if (refusal.isPresent()) {
            return withoutGpio(pins, log, refusal.get());
        }
        Context context;
        try {
            context = pi4j.get();
        } catch (RuntimeException | LinkageError e) {
            return withoutGpio(pins, log, failed("gpio.start_failed", "Pi4J did not start", e));
        }
        log.message("camera:gpio:ready", "model", access.model().orElse(""),
                "led_pin", pins.ledPin(), "button_pin", pins.buttonPin());
        return new GpioBoard(context, true, pins, log, null);
    }

    /** The LED and button on a Pi4J context that the caller owns and shuts down (the mock platform, in tests). */
    public static GpioBoard on(Context pi4j, GpioPins pins, ActionLog log) {
        return new GpioBoard(pi4j, false, pins, log, null);
    }

    private static GpioBoard withoutGpio(GpioPins pins, ActionLog log, Refusal refusal) {
        log.message("camera:gpio:unavailable", refusal.toFields());
        return new GpioBoard(null, false, pins, log, refusal);
    }

    private static Refusal failed(String code, String what, Throwable e) {
        return Refusal.of(Refusal.Kind.GUARD, code, what + ": " + e.getMessage(),
                "check that the agent's user is in the gpio group and that no other program holds the pin; "
                        + "the agent runs on without its status LED and button")
                .withDetails(Map.of("exception", e.getClass().getName()));
    }

    private StatusLight openLed() {
        try {
            return StatusLed.open(pi4j, pins.ledPin(), log);
        } catch (RuntimeException e) {
            unavailableNow(failed("gpio.led_failed", "The status LED on GPIO " + pins.ledPin() + " did not open", e));
            return StatusLight.none();
        }
    }

    /**
     * Starts listening to the button, with what its gestures ask for. Call once; a second call replaces the first
     * button.
     */
    public synchronized PushButton button(CaptureNow captureNow, OpenPairingWindow openPairingWindow) {
        button.close();
        if (pi4j == null) {
            button = PushButton.none();
            return button;
        }
        try {
            button = Button.open(pi4j, pins.buttonPin(), pins.buttonTiming(), captureNow, openPairingWindow, log);
        } catch (RuntimeException e) {
            unavailableNow(failed("gpio.button_failed", "The button on GPIO " + pins.buttonPin() + " did not open", e));
            button = PushButton.none();
        }
        return button;
    }

    private void unavailableNow(Refusal refusal) {
        unavailable = refusal;
        log.message("camera:gpio:unavailable", refusal.toFields());
    }

    /** The status LED, or a light that shows nothing. */
    public StatusLight statusLight() {
        return statusLight;
    }

    /** Why the LED or the button is not there, if one is not: for the agent's status. */
    public Optional<Refusal> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public synchronized void close() {
        button.close();
        statusLight.close();
        if (ownsContext && !pi4j.isShutdown()) {
            pi4j.shutdown();
        }
    }
}
