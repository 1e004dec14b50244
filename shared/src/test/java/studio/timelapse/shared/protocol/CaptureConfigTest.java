package studio.timelapse.shared.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.astronomy.SunEvent;
import studio.timelapse.shared.refusal.Refusal;

/** A capture configuration: every mistake listed at once, and a JSON form that round-trips. */
class CaptureConfigTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theDemoConfigurationIsValid() {
        assertThat(CaptureConfig.demo().problems()).isEmpty();
    }

    @Test
    void listsEveryMistakeWithTheFieldAtFaultAndARemedy() {
        ScheduleConfig schedule = new ScheduleConfig(0.1, Optional.of(Instant.parse("2026-06-22T00:00:00Z")),
                Optional.of(Instant.parse("2026-06-21T00:00:00Z")), Optional.of(LocalTime.of(6, 0)), Optional.empty(),
                Optional.of(new SunWindowConfig(SunEvent.CIVIL_DAWN, 0, SunEvent.CIVIL_DUSK, 0)), Optional.of(0L),
                Optional.of(-1.0));
        CaptureConfig config = new CaptureConfig("webcam", FrameSettings.automatic(), schedule, Optional.empty());
        assertThat(config.problems()).extracting(Refusal::code).containsExactly("config.unknown_backend",
                "config.interval", "config.stop_before_start", "config.daily_hours", "config.location_needed",
                "config.max_frames", "config.max_hours");
        assertThat(config.problems()).allSatisfy(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.details()).containsKey("field");
            assertThat(refusal.remedy()).isPresent();
        });
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        CaptureConfig config = new CaptureConfig("rpicam", FrameSettings.automatic().withSize(4056, 3040)
                .withExposure(0.01, 2.0), ScheduleConfig.every(5).withDailyHours(LocalTime.of(22, 0), LocalTime.of(4, 0))
                .withSun(new SunWindowConfig(SunEvent.CIVIL_DAWN, -30, SunEvent.CIVIL_DUSK, 30)).withMaxFrames(5000),
                Optional.of(new CameraLocation(46.95, 7.45, "Europe/Zurich")));
        String text = json.writeValueAsString(config);
        assertThat(text).contains("\"dailyFrom\":\"22:00:00\"", "\"from\":\"CIVIL_DAWN\"", "\"shutterSeconds\":0.01");
        assertThat(json.readValue(text, CaptureConfig.class)).isEqualTo(config);
    }

    @Test
    void theExposureRampNeedsALocationAndACameraWithManualExposure() {
        CaptureConfig rampWithoutPlace = CaptureConfig.demo().withRamp(new ExposureRampConfig(1.8, 16, 0));
        assertThat(rampWithoutPlace.problems()).extracting(Refusal::code).containsExactly("config.location_needed");
        CaptureConfig goproRamp = new CaptureConfig("gopro", FrameSettings.automatic(), ScheduleConfig.every(10),
                Optional.of(new CameraLocation(46.95, 7.45, "Europe/Zurich"))).withRamp(new ExposureRampConfig(2.8, 8, 0));
        assertThat(goproRamp.problems()).extracting(Refusal::code).containsExactly("config.ramp_unsupported");
    }

    @Test
    void aRampRoundTripsThroughJson() throws Exception {
        CaptureConfig config = new CaptureConfig("rpicam", FrameSettings.automatic(), ScheduleConfig.every(20),
                Optional.of(new CameraLocation(46.95, 7.45, "Europe/Zurich"))).withRamp(new ExposureRampConfig(1.8, 16, 0.5));
        assertThat(config.problems()).isEmpty();
        assertThat(json.readValue(json.writeValueAsString(config), CaptureConfig.class)).isEqualTo(config);
    }

    @Test
    void frameSettingsAndLocationsRefuseImpossibleValuesWithTheReason() {
        assertThatThrownBy(() -> new FrameSettings(640, 0, 90, Optional.empty(), Optional.empty(), Optional.empty(), false))
                .hasMessageContaining("both width and height");
        assertThatThrownBy(() -> FrameSettings.automatic().withExposure(0, 1)).hasMessageContaining("shutter");
        assertThatThrownBy(() -> new CameraLocation(91, 0, "UTC")).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new CameraLocation(0, 0, "Mars/Olympus")).hasMessageContaining("Mars/Olympus");
    }
}
