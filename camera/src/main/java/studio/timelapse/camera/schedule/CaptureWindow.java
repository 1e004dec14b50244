package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When capture may happen: start/stop date-times, daily hours, sunrise/sunset-relative windows, or all of several.
 * A closed window is a reason the camera shows ("waiting for 06:12, civil dawn"), not an error.
 */
public interface CaptureWindow {

    boolean isOpen(Instant t);

    /** The first instant at or after {@code t} when the window is open; empty when it never opens again. */
    Optional<Instant> nextOpening(Instant t);

    /** For people: "daily 06:00–20:00 Europe/Zurich". */
    String describe();

    static CaptureWindow always() {
        return new CaptureWindow() {
            @Override
            public boolean isOpen(Instant t) {
                return true;
            }

            @Override
            public Optional<Instant> nextOpening(Instant t) {
                return Optional.of(t);
            }

            @Override
            public String describe() {
                return "always";
            }
        };
    }
}
