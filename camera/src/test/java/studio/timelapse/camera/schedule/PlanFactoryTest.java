package studio.timelapse.camera.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.astronomy.SunEvent;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.protocol.SunWindowConfig;

class PlanFactoryTest {
    private static final Instant NOW = Instant.parse("2026-06-21T10:00:03Z");
    private static final Optional<CameraLocation> BERN = Optional.of(new CameraLocation(46.95, 7.45, "Europe/Zurich"));

    @Test
    void aPlainIntervalStartsItsGridWhenCaptureStarts() {
        CapturePlan plan = PlanFactory.plan(ScheduleConfig.every(2.5), Optional.empty(), NOW);
        assertThat(plan.grid().interval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(plan.nextSlot(NOW)).contains(NOW);
        assertThat(plan.window().describe()).isEqualTo("always");
    }

    @Test
    void dailyHoursFollowTheCamerasZoneAndCombineWithTheSunWindow() {
        ScheduleConfig schedule = ScheduleConfig.every(60).withDailyHours(LocalTime.of(12, 0), LocalTime.of(13, 0))
                .withSun(new SunWindowConfig(SunEvent.SUNRISE, 0, SunEvent.SUNSET, 0)).withMaxFrames(10);
        CapturePlan plan = PlanFactory.plan(schedule, BERN, NOW);
        // 12:00 in Zurich in summer is 10:00 UTC, and the sun is up: the first slot of the grid from NOW after it.
        assertThat(plan.nextSlot(Instant.parse("2026-06-21T09:00:00Z"))).contains(Instant.parse("2026-06-21T10:00:03Z"));
        assertThat(plan.limits().maxFrames()).contains(10L);
        assertThat(plan.window().describe()).isEqualTo("daily 12:00–13:00 Europe/Zurich and from sunrise to sunset at 46.9500°N 7.4500°E");
    }

    @Test
    void aConfiguredStartAnchorsTheGrid() {
        Instant start = Instant.parse("2026-06-22T00:00:00Z");
        ScheduleConfig schedule = new ScheduleConfig(3600, Optional.of(start), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(1.5));
        CapturePlan plan = PlanFactory.plan(schedule, Optional.empty(), NOW);
        assertThat(plan.nextSlot(NOW)).contains(start);
        assertThat(plan.limits().maxDuration()).contains(Duration.ofMinutes(90));
    }
}
