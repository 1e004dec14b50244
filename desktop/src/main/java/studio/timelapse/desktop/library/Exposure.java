package studio.timelapse.desktop.library;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** How a frame was exposed, as far as its EXIF (or the camera) tells. */
public record Exposure(OptionalDouble timeSeconds, OptionalDouble fNumber, OptionalInt iso) {
    public static final Exposure UNKNOWN =
            new Exposure(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());

    public Exposure {
        timeSeconds = timeSeconds == null ? OptionalDouble.empty() : timeSeconds;
        fNumber = fNumber == null ? OptionalDouble.empty() : fNumber;
        iso = iso == null ? OptionalInt.empty() : iso;
    }

    public static Exposure of(double timeSeconds, double fNumber, int iso) {
        return new Exposure(OptionalDouble.of(timeSeconds), OptionalDouble.of(fNumber), OptionalInt.of(iso));
    }

    /**
     * The exposure value at ISO 100 the camera chose, {@code log2(N²/t) − log2(ISO/100)}: how bright the camera
     * judged the scene; empty unless time, aperture and ISO are all known.
     */
    public OptionalDouble ev100() {
        if (timeSeconds.isEmpty() || fNumber.isEmpty() || iso.isEmpty() || timeSeconds.getAsDouble() <= 0
                || fNumber.getAsDouble() <= 0 || iso.getAsInt() <= 0) {
            return OptionalDouble.empty();
        }
        double n = fNumber.getAsDouble();
        return OptionalDouble.of(log2(n * n / timeSeconds.getAsDouble()) - log2(iso.getAsInt() / 100.0));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
