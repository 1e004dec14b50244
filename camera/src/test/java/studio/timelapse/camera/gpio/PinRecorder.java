package studio.timelapse.camera.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change of an output pin with when it happened, heard through Pi4J's listener on the thread that wrote it —
 * no sleeping and polling.
 */
final class PinRecorder {
    /** The pin became {@code lit} (high) at {@code nanos} (System.nanoTime). */
    record Change(long nanos, boolean lit) {}

    /** A stretch between two changes: lit or dark, and how long. */
    record Stretch(boolean lit, Duration length) {}

    private final List<Change> changes = new ArrayList<>();

    private PinRecorder() {}

    static PinRecorder on(DigitalOutput pin) {
        PinRecorder recorder = new PinRecorder();
        DigitalStateChangeListener listener = event -> recorder.add(event.state() == DigitalState.HIGH);
        pin.addListener(listener);
        return recorder;
    }

    private synchronized void add(boolean lit) {
        changes.add(new Change(System.nanoTime(), lit));
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    synchronized List<Boolean> levels() {
        return changes.stream().map(Change::lit).toList();
    }

    /** How many times the pin went high. */
    synchronized long blinks() {
        return changes.stream().filter(Change::lit).count();
    }

    synchronized boolean lastLit() {
        return !changes.isEmpty() && changes.get(changes.size() - 1).lit();
    }

    /** The completed stretches between changes, in order (the one still going is left out). */
    synchronized List<Stretch> stretches() {
        List<Stretch> stretches = new ArrayList<>();
        for (int i = 0; i + 1 < changes.size(); i++) {
            stretches.add(new Stretch(changes.get(i).lit(),
                    Duration.ofNanos(changes.get(i + 1).nanos() - changes.get(i).nanos())));
        }
        return stretches;
    }

    /** The share of recorded time the pin was lit, over completed stretches. */
    synchronized double litShare() {
        long lit = 0;
        long all = 0;
        for (Stretch stretch : stretches()) {
            all += stretch.length().toNanos();
            if (stretch.lit()) {
                lit += stretch.length().toNanos();
            }
        }
        return all == 0 ? 0 : (double) lit / all;
    }
}
