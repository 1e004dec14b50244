package studio.timelapse.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.shared.astronomy.SunPosition;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.testing.RecordingLog;

/** The camera a configuration names, as the agent makes it. */
class BackendsTest {
    @TempDir
    Path folder;

    private double sunAltitudeInFrame(Optional<CameraLocation> location, Instant slot) throws Exception {
        CaptureConfig config = new CaptureConfig("synthetic", FrameSettings.automatic().withSize(160, 90),
                ScheduleConfig.every(2), location);
        ZoneId zone = location.map(CameraLocation::zoneId).orElse(ZoneId.of("UTC"));
        try (RecordingLog recording = new RecordingLog();
                CameraBackend camera = Backends.create(config, recording.log(), zone, SceneClock.realTime())) {
            CaptureResult result = camera.capture(new CaptureRequest(config.frame(), slot, Instant.MAX),
                    folder.resolve("frame.jpg"));
            return ((Number) result.exposure().get("sun_altitude_deg")).doubleValue();
        }
    }

    @Test
    void theSyntheticCameraAtAConfiguredPlaceShowsTheRealSunThere() throws Exception {
        CameraLocation bern = new CameraLocation(46.95, 7.45, "Europe/Zurich");
        // 03:00 UTC on midsummer's day: 05:00 in Bern, civil twilight, half an hour before sunrise.
        Instant dawn = Instant.parse("2026-06-21T03:00:00Z");

        double shown = sunAltitudeInFrame(Optional.of(bern), dawn);

        assertThat(shown).isCloseTo(SunPosition.at(dawn, bern.position()).apparentAltitude(), within(0.01))
                .isBetween(-6.0, -0.83);
        assertThat(sunAltitudeInFrame(Optional.empty(), dawn)).as("the stand-in day, without a place")
                .isLessThan(-30);
    }
}
