package studio.timelapse.camera.gpio;

import java.util.Objects;

/**
 * Where the LED and the button are wired, in BCM (Broadcom) GPIO numbers as Pi4J and {@code pinout} use them, and how
 * the button is read.
 *
 * @param ledPin the LED's pin: GPIO 17 (header pin 11) by default
 * @param buttonPin the button's pin: GPIO 27 (header pin 13) by default
 * @param buttonTiming debounce and long-press times
 */
public record GpioPins(int ledPin, int buttonPin, ButtonTiming buttonTiming) {
    /** The 40-pin header brings out GPIO 0 to 27. */
    private static final int HIGHEST_HEADER_GPIO = 27;

    public GpioPins {
        Objects.requireNonNull(buttonTiming, "buttonTiming");
        check("LED", ledPin);
        check("button", buttonPin);
        if (ledPin == buttonPin) {
            throw new IllegalArgumentException("the LED and the button need two pins, not both GPIO " + ledPin);
        }
    }

    private static void check(String device, int pin) {
        if (pin < 0 || pin > HIGHEST_HEADER_GPIO) {
            throw new IllegalArgumentException("the " + device + "'s pin is a BCM GPIO number from 0 to "
                    + HIGHEST_HEADER_GPIO + ", not " + pin);
        }
    }

    /** LED on GPIO 17, button on GPIO 27, standard button timing. */
    public static GpioPins standard() {
        return new GpioPins(17, 27, ButtonTiming.standard());
    }
}
