package studio.timelapse.camera.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.ExposureRampConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;

class FrameSettingsPlanTest {
    private static final Optional<CameraLocation> BERN = Optional.of(new CameraLocation(46.95, 7.45, "Europe/Zurich"));

    @Test
    void withoutARampEveryFrameTakesTheConfiguredSettings() {
        CaptureConfig config = CaptureConfig.demo();
        assertThat(FrameSettingsPlan.of(config).apply(Instant.now())).isEqualTo(config.frame());
    }

    @Test
    void withTheRampNoonIsShortAndMidnightLongWithinTheInterval() {
        CaptureConfig config = new CaptureConfig("rpicam", FrameSettings.automatic().withSize(1920, 1080),
                ScheduleConfig.every(20), BERN).withRamp(new ExposureRampConfig(1.8, 16, 0));
        Function<Instant, FrameSettings> noonPlan = FrameSettingsPlan.of(config);
        FrameSettings noon = noonPlan.apply(Instant.parse("2026-06-21T11:30:00Z"));
        FrameSettings midnight = FrameSettingsPlan.of(config).apply(Instant.parse("2026-12-21T23:30:00Z"));
        assertThat(noon.shutterSeconds()).hasValueSatisfying(s -> assertThat(s).isLessThan(0.001));
        assertThat(midnight.shutterSeconds()).hasValueSatisfying(s -> assertThat(s).isEqualTo(16.0));
        assertThat(midnight.width()).isEqualTo(1920);
    }
}
