package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedDayTest {

    @Test
    void aDayInTwoMinutesStartsAtFourInTheMorningLocalTimeAndEndsADayLater() {
        Instant now = Instant.parse("2026-06-21T10:15:00Z");
        ZoneId paris = ZoneId.of("Europe/Paris");

        SceneClock clock = SimulatedDay.startingNow(Duration.ofMinutes(2), now, paris);

        assertThat(clock.sceneTime(now)).isEqualTo(Instant.parse("2026-06-21T02:00:00Z"));
        assertThat(clock.sceneTime(now.plus(Duration.ofMinutes(2)))).isEqualTo(Instant.parse("2026-06-22T02:00:00Z"));
        assertThat(clock.speed()).isEqualTo(720.0);
    }

    @Test
    void durationsAreReadInTheShortFormsAPersonTypesAndInIso8601() {
        assertThat(SimulatedDay.parseDuration("90s")).contains(Duration.ofSeconds(90));
        assertThat(SimulatedDay.parseDuration("2m")).contains(Duration.ofMinutes(2));
        assertThat(SimulatedDay.parseDuration("1.5h")).contains(Duration.ofMinutes(90));
        assertThat(SimulatedDay.parseDuration("500ms")).contains(Duration.ofMillis(500));
        assertThat(SimulatedDay.parseDuration("PT3M")).contains(Duration.ofMinutes(3));
    }

    @Test
    void nonsenseZeroAndNegativeDurationsAreNotDurations() {
        assertThat(SimulatedDay.parseDuration("soon")).isEqualTo(Optional.empty());
        assertThat(SimulatedDay.parseDuration("0s")).isEmpty();
        assertThat(SimulatedDay.parseDuration("PT-1M")).isEmpty();
        assertThat(SimulatedDay.parseDuration("2 minutes")).isEmpty();
    }
}
