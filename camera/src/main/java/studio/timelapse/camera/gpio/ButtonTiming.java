package studio.timelapse.camera.gpio;

import java.time.Duration;
import java.util.Objects;

/**
 * How the button tells presses apart.
 *
 * @param debounce how long the contact must stay still before a change counts; shorter wobbles are bounce
 * @param longPress how long a press must last to be a long press; shorter ones are short presses
 */
public record ButtonTiming(Duration debounce, Duration longPress) {

    public ButtonTiming {
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(longPress, "longPress");
        if (debounce.isNegative() || debounce.isZero()) {
            throw new IllegalArgumentException("the button's debounce time is positive, not " + debounce);
        }
        if (longPress.compareTo(debounce) <= 0) {
            throw new IllegalArgumentException("a long press (" + longPress + ") lasts longer than the debounce time ("
                    + debounce + ")");
        }
    }

    /** 30 ms of debounce, long press from 2 s. */
    public static ButtonTiming standard() {
        return new ButtonTiming(Duration.ofMillis(30), Duration.ofSeconds(2));
    }
}
