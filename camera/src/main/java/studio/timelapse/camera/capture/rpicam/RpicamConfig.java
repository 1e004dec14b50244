package studio.timelapse.camera.capture.rpicam;

import java.time.Clock;
import java.time.Duration;
import studio.timelapse.camera.capture.process.Executables;

/**
 * How the rpicam backend runs.
 *
 * @param tools where to find {@code rpicam-still} / {@code libcamera-still}; also the {@code PATH} they get
 * @param exposureSettle how long the camera runs before an automatic-exposure frame is taken
 * @param maxWidth the sensor's width in pixels (Camera Module 3: 4608; HQ camera: 4056)
 * @param maxHeight the sensor's height in pixels (Camera Module 3: 2592; HQ camera: 3040)
 * @param minInterval the shortest start-to-start interval: starting the tool, opening the camera and settling
 */
public record RpicamConfig(Executables tools, Clock clock, Duration exposureSettle, int maxWidth, int maxHeight,
        Duration minInterval) {

    /** The agent's PATH, the system clock, a Camera Module 3, 1.5 s to settle automatic exposure. */
    public static RpicamConfig defaults() {
        return new RpicamConfig(Executables.systemPath(), Clock.systemUTC(), Duration.ofMillis(1500), 4608, 2592,
                Duration.ofSeconds(3));
    }

    public RpicamConfig withTools(Executables newTools) {
        return new RpicamConfig(newTools, clock, exposureSettle, maxWidth, maxHeight, minInterval);
    }

    /** The clock deadlines are read on; tests pass a manual one. */
    public RpicamConfig withClock(Clock newClock) {
        return new RpicamConfig(tools, newClock, exposureSettle, maxWidth, maxHeight, minInterval);
    }

    public RpicamConfig withExposureSettle(Duration settle) {
        return new RpicamConfig(tools, clock, settle, maxWidth, maxHeight, minInterval);
    }

    public RpicamConfig withSensor(int width, int height) {
        return new RpicamConfig(tools, clock, exposureSettle, width, height, minInterval);
    }
}
