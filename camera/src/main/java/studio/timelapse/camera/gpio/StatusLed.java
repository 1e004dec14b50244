package studio.timelapse.camera.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * The status LED on one GPIO pin (BCM numbering), lit when the pin is high. Patterns play on one daemon thread that
 * the LED owns, so every write to the pin happens in order on that thread; showing a pattern drops whatever was
 * playing and starts the new one at once, in the middle of a long dark phase too.
 */
public final class StatusLed implements StatusLight {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    private final Context pi4j;
    private final DigitalOutput pin;
    private final ActionLog log;
    private final DeviceThread player;
    private volatile BlinkPattern shown = BlinkPattern.off();

    // Touched only on the player thread.
    private BlinkPattern base = BlinkPattern.off();
    private ScheduledFuture<?> nextPhase;
    private boolean writeFailureLogged;

    private StatusLed(Context pi4j, DigitalOutput pin, ActionLog log) {
        this.pi4j = pi4j;
        this.pin = pin;
        this.log = log;
        this.player = new DeviceThread("status-led-" + pin.address());
    }

    /** Claims {@code bcmPin} as an output, dark, and dark again when Pi4J shuts it down. */
    public static StatusLed open(Context pi4j, int bcmPin, ActionLog log) {
        DigitalOutput pin = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(ioId(bcmPin))
                .name("status LED")
                .address(bcmPin)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW));
        return new StatusLed(pi4j, pin, log);
    }

    /** The Pi4J id of the LED on {@code bcmPin}. */
    public static String ioId(int bcmPin) {
        return "status-led-" + bcmPin;
    }

    @Override
    public void show(BlinkPattern pattern) {
        shown = pattern;
        log.message("camera:gpio:led_pattern", "pattern", pattern.name(), "pin", pin.address().intValue());
        player.run(() -> {
            base = pattern;
            writeFailureLogged = false;
            play(pattern, 0);
        });
    }

    @Override
    public void flash(BlinkPattern pattern) {
        player.run(() -> play(pattern, 0));
    }

    @Override
    public BlinkPattern showing() {
        return shown;
    }

    /** Lights the LED as phase {@code index} says, and schedules what comes after it. */
    private void play(BlinkPattern pattern, int index) {
        DeviceThread.cancel(nextPhase);
        List<BlinkPattern.Phase> phases = pattern.phases();
        BlinkPattern.Phase phase = phases.get(index);
        write(phase.lit());
        long after = phase.length().toNanos();
        if (index + 1 < phases.size()) {
            nextPhase = player.after(after, () -> play(pattern, index + 1));
        } else if (pattern != base) {
            // A flash plays once, repeating or not; then back to the pattern shown, from its start.
            BlinkPattern resume = base;
            nextPhase = player.after(after, () -> play(resume, 0));
        } else if (pattern.repeats()) {
            nextPhase = player.after(after, () -> play(pattern, 0));
        } else {
            // A pattern played once holds its last phase.
            nextPhase = null;
        }
    }

    private void write(boolean lit) {
        try {
            pin.state(lit ? DigitalState.HIGH : DigitalState.LOW);
        } catch (RuntimeException e) {
            // Once per pattern shown: a broken pin must not flood the log five times a second.
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                log.message("camera:gpio:led_write_failed", "pin", pin.address().intValue(),
                        "exception", e.getClass().getName(), "reason", String.valueOf(e.getMessage()));
            }
        }
    }

    @Override
    public void close() {
        shown = BlinkPattern.off();
        boolean wasOpen = player.run(() -> {
            DeviceThread.cancel(nextPhase);
            write(false);
        });
        if (!wasOpen) {
            return;
        }
        player.close(CLOSE_WAIT);
        if (!pi4j.isShutdown() && pi4j.registry().exists(pin.id())) {
            pi4j.shutdown(pin.id());
        }
    }
}
