package studio.timelapse.camera.capture.gopro;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import studio.timelapse.camera.capture.Sleeper;

/**
 * How the GoPro backend talks to its camera.
 *
 * @param baseUri {@code http://10.5.5.9:8080} over the camera's Wi-Fi; {@code http://172.2X.1YZ.51:8080} over USB
 *     (X, Y, Z: the last three digits of the serial number)
 * @param clock the clock deadlines are read on
 * @param sleeper how the backend waits between polls; tests pass one that advances their manual clock
 * @param requestTimeout the longest one request may take, deadline permitting
 * @param pollInterval the wait between two state polls while the camera is busy or encoding
 * @param keepAliveInterval how often the keep-alive is sent; Open GoPro advises every 3 s
 * @param photoPresetGroup the preset group loaded before each frame (1001: photo)
 */
public record GoProConfig(URI baseUri, Clock clock, Sleeper sleeper, Duration requestTimeout, Duration pollInterval,
        Duration keepAliveInterval, int photoPresetGroup, int maxWidth, int maxHeight, Duration minInterval) {

    public static final URI WIFI = URI.create("http://10.5.5.9:8080");

    /** The camera's Wi-Fi address, 5 s requests, polls every 250 ms, a keep-alive every 3 s, a 27 MP sensor. */
    public static GoProConfig defaults() {
        return new GoProConfig(WIFI, Clock.systemUTC(), Sleeper.REAL, Duration.ofSeconds(5), Duration.ofMillis(250),
                Duration.ofSeconds(3), 1001, 5568, 4872, Duration.ofSeconds(5));
    }

    public GoProConfig withBaseUri(URI uri) {
        return new GoProConfig(uri, clock, sleeper, requestTimeout, pollInterval, keepAliveInterval, photoPresetGroup,
                maxWidth, maxHeight, minInterval);
    }

    /** The clock deadlines are read on and how the backend waits: a manual clock and its advance, in tests. */
    public GoProConfig withTime(Clock newClock, Sleeper newSleeper) {
        return new GoProConfig(baseUri, newClock, newSleeper, requestTimeout, pollInterval, keepAliveInterval,
                photoPresetGroup, maxWidth, maxHeight, minInterval);
    }

    public GoProConfig withTiming(Duration request, Duration poll, Duration keepAlive) {
        return new GoProConfig(baseUri, clock, sleeper, request, poll, keepAlive, photoPresetGroup, maxWidth, maxHeight,
                minInterval);
    }
}
