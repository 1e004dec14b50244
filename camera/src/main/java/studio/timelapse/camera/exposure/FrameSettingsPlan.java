package studio.timelapse.camera.exposure;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.SunPosition;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.FrameSettings;

/** Each frame's settings for its slot: as configured, or with shutter and gain from the exposure ramp. */
public final class FrameSettingsPlan {
    /** The longest exposure the cameras we drive take: the Pi HQ camera's 670 s is more than any interval allows. */
    private static final double CAMERA_MAX_SHUTTER_S = 670;
    private static final double CAMERA_MIN_SHUTTER_S = 1e-5;

    private FrameSettingsPlan() {}

    /** For a validated configuration. */
    public static Function<Instant, FrameSettings> of(CaptureConfig config) {
        if (config.ramp().isEmpty()) {
            return slot -> config.frame();
        }
        GeoPosition position = config.location().map(CameraLocation::position).orElseThrow(() ->
                new IllegalArgumentException("the exposure ramp needs the camera's location"));
        var ramp = config.ramp().get();
        ExposureRamp exposures = new ExposureRamp(slot -> SunPosition.altitudeAt(slot, position),
                ExposureLimits.forInterval(ramp.fNumber(), CAMERA_MIN_SHUTTER_S, CAMERA_MAX_SHUTTER_S, ramp.maxGain(),
                        Duration.ofNanos(Math.round(config.schedule().intervalSeconds() * 1e9)).toMillis() / 1000.0),
                ramp.biasStops());
        return slot -> {
            Exposure exposure = exposures.next(slot);
            return config.frame().withExposure(exposure.shutterSeconds(), exposure.gain());
        };
    }
}
