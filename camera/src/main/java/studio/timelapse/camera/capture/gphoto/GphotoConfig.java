package studio.timelapse.camera.capture.gphoto;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import studio.timelapse.camera.capture.Sleeper;
import studio.timelapse.camera.capture.process.Executables;

/**
 * How the gphoto2 backend runs. Build with {@link #builder()}; every value has a default.
 *
 * @param port gphoto2's {@code --port} ({@code usb:001,005}); empty for the only camera gphoto2 detects
 * @param shutterSetting the configuration entry for exposure time ({@code shutterspeed} on most cameras)
 * @param isoSetting the configuration entry for sensitivity ({@code iso})
 * @param colourTemperatureSetting the entry for a colour temperature in kelvin, on cameras that have one
 *     ({@code colortemperature} on Canon EOS); without it a fixed white balance is refused
 * @param alwaysSet entries set before every frame, e.g. {@code imageformat=Large Fine JPEG} or
 *     {@code capturetarget=Memory card}
 * @param sleeper how the backend waits between attempts; tests pass one that advances their manual clock
 * @param firstBackoff the wait before the first retry of a busy camera; it doubles up to {@code maxBackoff}
 * @param captureAllowance how long one capture and download may take: a busy camera is asked again only while the
 *     deadline leaves this much after the wait (or as long as the busy attempt took, if that was longer)
 * @param resetTimeout how long {@code --auto-detect} and {@code --reset} may take in {@link GphotoBackend#reset()}
 */
public record GphotoConfig(Executables tools, Clock clock, Sleeper sleeper, Optional<String> port,
        String shutterSetting, String isoSetting, Optional<String> colourTemperatureSetting, List<String> alwaysSet,
        Duration firstBackoff, Duration maxBackoff, Duration captureAllowance, Duration resetTimeout, int maxWidth,
        int maxHeight, Duration minInterval) {

    public GphotoConfig {
        alwaysSet = List.copyOf(alwaysSet);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GphotoConfig}. */
    public static final class Builder {
        private Executables tools = Executables.systemPath();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private Optional<String> port = Optional.empty();
        private String shutterSetting = "shutterspeed";
        private String isoSetting = "iso";
        private Optional<String> colourTemperatureSetting = Optional.empty();
        private List<String> alwaysSet = List.of();
        private Duration firstBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(4);
        // Capture and download take 3.5–6.3 s per shot in the field; a busy answer comes much sooner.
        private Duration captureAllowance = Duration.ofMillis(6500);
        private Duration resetTimeout = Duration.ofSeconds(20);
        private int maxWidth = 6000;
        private int maxHeight = 4000;
        // Capture and download take 3.5–6.3 s per shot in the field.
        private Duration minInterval = Duration.ofSeconds(7);

        private Builder() {}

        public Builder tools(Executables value) {
            tools = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        public Builder port(String value) {
            port = Optional.of(value);
            return this;
        }

        public Builder shutterSetting(String value) {
            shutterSetting = value;
            return this;
        }

        public Builder isoSetting(String value) {
            isoSetting = value;
            return this;
        }

        public Builder colourTemperatureSetting(String value) {
            colourTemperatureSetting = Optional.of(value);
            return this;
        }

        public Builder alwaysSet(List<String> entries) {
            alwaysSet = entries;
            return this;
        }

        public Builder backoff(Duration first, Duration max) {
            firstBackoff = first;
            maxBackoff = max;
            return this;
        }

        public Builder captureAllowance(Duration value) {
            captureAllowance = value;
            return this;
        }

        public Builder resetTimeout(Duration value) {
            resetTimeout = value;
            return this;
        }

        public Builder sensor(int width, int height) {
            maxWidth = width;
            maxHeight = height;
            return this;
        }

        public Builder minInterval(Duration value) {
            minInterval = value;
            return this;
        }

        public GphotoConfig build() {
            return new GphotoConfig(tools, clock, sleeper, port, shutterSetting, isoSetting,
                    colourTemperatureSetting, alwaysSet, firstBackoff, maxBackoff, captureAllowance, resetTimeout,
                    maxWidth, maxHeight, minInterval);
        }
    }
}
