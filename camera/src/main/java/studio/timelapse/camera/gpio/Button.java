package studio.timelapse.camera.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * The push button on one GPIO pin (BCM numbering), wired between the pin and ground with the pin's pull-up on, so a
 * press reads low. A short press asks for a {@link CaptureNow}; holding it for the long-press time asks once for an
 * {@link OpenPairingWindow}, at that moment rather than on release, and the release that follows asks for nothing.
 *
 * <p>Debouncing is ours, not the GPIO driver's: every edge restarts a timer, and when the pin has been still for the
 * debounce time its level is read and compared with the last accepted one. Reading the level rather than trusting the
 * last edge means a dropped edge cannot leave the button stuck. A gesture starts with a press seen here, so a button
 * already held when the agent starts does nothing until it is released and pressed again.
 */
public final class Button implements PushButton {
    private final Context pi4j;
    private final DigitalInput pin;
    private final ButtonTiming timing;
    private final CaptureNow captureNow;
    private final OpenPairingWindow openPairingWindow;
    private final ActionLog log;
    private final DeviceThread worker;
    private final DigitalStateChangeListener edges = event -> edge();
    private volatile boolean held;

    // Touched only on the worker thread.
    private ScheduledFuture<?> settleCheck;
    private ScheduledFuture<?> longPressTimer;
    private long pressedAtNanos;
    private boolean longPressFired;

    private Button(Context pi4j, DigitalInput pin, ButtonTiming timing, CaptureNow captureNow,
            OpenPairingWindow openPairingWindow, ActionLog log) {
        this.pi4j = pi4j;
        this.pin = pin;
        this.timing = timing;
        this.captureNow = captureNow;
        this.openPairingWindow = openPairingWindow;
        this.log = log;
        this.worker = new DeviceThread("button-" + pin.address());
    }

    /** Claims {@code bcmPin} as an input with its pull-up on, and starts listening. */
    public static Button open(Context pi4j, int bcmPin, ButtonTiming timing, CaptureNow captureNow,
            OpenPairingWindow openPairingWindow, ActionLog log) {
        DigitalInput pin = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(ioId(bcmPin))
                .name("button")
                .address(bcmPin)
                .pull(PullResistance.PULL_UP)
                .debounce(0L)); // we debounce ourselves (see above); two debouncers would drop the last edge
        Button button = new Button(pi4j, pin, timing, captureNow, openPairingWindow, log);
        pin.addListener(button.edges);
        return button;
    }

    /** The Pi4J id of the button on {@code bcmPin}. */
    public static String ioId(int bcmPin) {
        return "button-" + bcmPin;
    }

    @Override
    public boolean held() {
        return held;
    }

    /** Any edge, bounce included: wait until the pin has been still for the debounce time. */
    private void edge() {
        worker.run(() -> {
            DeviceThread.cancel(settleCheck);
            settleCheck = worker.after(timing.debounce().toNanos(), this::settle);
        });
    }

    private void settle() {
        boolean pressed = pin.state() == DigitalState.LOW;
        if (pressed == held) {
            return;
        }
        held = pressed;
        if (pressed) {
            pressedAtNanos = System.nanoTime();
            longPressFired = false;
            longPressTimer = worker.after(timing.longPress().toNanos(), this::longPressReached);
            return;
        }
        DeviceThread.cancel(longPressTimer);
        if (longPressFired) {
            log.message("camera:gpio:button_release",
                    "gesture", "long", "held_ms", heldMillis(), "pin", pin.address().intValue());
        } else {
            gesture("short", captureNow::captureNow);
        }
    }

    private void longPressReached() {
        if (held && !longPressFired) {
            longPressFired = true;
            gesture("long", openPairingWindow::openPairingWindow);
        }
    }

    /** A gesture starts a task of its own: what the agent does about it joins that task. */
    private void gesture(String gesture, Runnable request) {
        try (Action action = log.startTask("camera:gpio:button_press",
                "gesture", gesture, "held_ms", heldMillis(), "pin", pin.address().intValue())) {
            try {
                request.run();
            } catch (RuntimeException e) {
                // The failure is in the log; the button must go on listening.
                action.fail(e);
            }
        }
    }

    private long heldMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pressedAtNanos);
    }

    @Override
    public void close() {
        pin.removeListener(edges);
        worker.close(Duration.ZERO);
        held = false;
        if (!pi4j.isShutdown() && pi4j.registry().exists(pin.id())) {
            pi4j.shutdown(pin.id());
        }
    }
}
