package studio.timelapse.desktop.ingest;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The exposure a camera recorded in EXIF; each value is empty when the file does not say. */
public record Exposure(OptionalDouble exposureTimeSeconds, OptionalDouble fNumber, OptionalInt iso) {
    public static final Exposure UNKNOWN = new Exposure(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalInt.empty());
}
