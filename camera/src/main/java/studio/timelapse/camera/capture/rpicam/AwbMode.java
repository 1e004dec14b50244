package studio.timelapse.camera.capture.rpicam;

import java.util.Arrays;
import java.util.Comparator;

/**
 * rpicam-apps' white-balance modes and the colour temperatures the Raspberry Pi tuning files let each one search.
 * rpicam-still cannot be given a colour temperature, so a fixed white balance becomes the narrowest mode around it:
 * the search is confined, not locked.
 */
enum AwbMode {
    INCANDESCENT("incandescent", 2500, 3000),
    TUNGSTEN("tungsten", 3000, 3500),
    FLUORESCENT("fluorescent", 4000, 4700),
    INDOOR("indoor", 3000, 5000),
    DAYLIGHT("daylight", 5500, 6500),
    CLOUDY("cloudy", 7000, 8500);

    private final String option;
    private final int lowKelvin;
    private final int highKelvin;

    AwbMode(String option, int lowKelvin, int highKelvin) {
        this.option = option;
        this.lowKelvin = lowKelvin;
        this.highKelvin = highKelvin;
    }

    /** The value for {@code --awb}. */
    String option() {
        return option;
    }

    /** The narrowest mode whose range holds {@code kelvin}, else the one whose range comes closest. */
    static AwbMode around(int kelvin) {
        return Arrays.stream(values())
                .min(Comparator.comparingInt((AwbMode mode) -> mode.distanceTo(kelvin))
                        .thenComparingInt(mode -> mode.highKelvin - mode.lowKelvin))
                .orElseThrow();
    }

    private int distanceTo(int kelvin) {
        return kelvin < lowKelvin ? lowKelvin - kelvin : kelvin > highKelvin ? kelvin - highKelvin : 0;
    }
}
