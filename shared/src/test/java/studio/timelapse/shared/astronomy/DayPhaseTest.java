package studio.timelapse.shared.astronomy;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.shared.astronomy.DayPhase.ASTRONOMICAL_TWILIGHT;
import static studio.timelapse.shared.astronomy.DayPhase.CIVIL_TWILIGHT;
import static studio.timelapse.shared.astronomy.DayPhase.DAY;
import static studio.timelapse.shared.astronomy.DayPhase.NAUTICAL_TWILIGHT;
import static studio.timelapse.shared.astronomy.DayPhase.NIGHT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DayPhaseTest {

    private static final GeoPosition GREENWICH = GeoPosition.of(51.4769, -0.0005);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest
    @CsvSource({
            "90, DAY", "0, DAY", "-0.833, DAY",
            "-0.834, CIVIL_TWILIGHT", "-6, CIVIL_TWILIGHT",
            "-6.001, NAUTICAL_TWILIGHT", "-12, NAUTICAL_TWILIGHT",
            "-12.001, ASTRONOMICAL_TWILIGHT", "-18, ASTRONOMICAL_TWILIGHT",
            "-18.001, NIGHT", "-90, NIGHT",
    })
    void each_phase_reaches_down_to_its_lowest_altitude_inclusive(double altitude, DayPhase phase) {
        assertThat(DayPhase.ofAltitude(altitude)).isEqualTo(phase);
    }

    @ParameterizedTest
    @EnumSource(value = SunEvent.class, names = "SOLAR_NOON", mode = EnumSource.Mode.EXCLUDE)
    void a_minute_either_side_of_an_event_the_phase_is_the_one_the_event_leaves_and_the_one_it_enters(SunEvent event) {
        SunTimes winter = SunTimes.on(LocalDate.of(2024, 12, 21), LONDON, GREENWICH);
        Instant at = winter.time(event).orElseThrow();
        DayPhase brighter = event.brighterPhase().orElseThrow();
        DayPhase darker = DayPhase.values()[brighter.ordinal() + 1];

        assertThat(DayPhase.at(at.minusSeconds(60), GREENWICH)).isEqualTo(event.isRising() ? darker : brighter);
        assertThat(DayPhase.at(at.plusSeconds(60), GREENWICH)).isEqualTo(event.isRising() ? brighter : darker);
    }

    @Test
    void a_winter_day_at_greenwich_goes_through_every_phase() {
        assertThat(phaseAt(LocalDate.of(2024, 12, 21), LocalTime.of(0, 30))).isEqualTo(NIGHT);
        assertThat(phaseAt(LocalDate.of(2024, 12, 21), LocalTime.of(6, 20))).isEqualTo(ASTRONOMICAL_TWILIGHT);
        assertThat(phaseAt(LocalDate.of(2024, 12, 21), LocalTime.of(7, 0))).isEqualTo(NAUTICAL_TWILIGHT);
        assertThat(phaseAt(LocalDate.of(2024, 12, 21), LocalTime.of(7, 45))).isEqualTo(CIVIL_TWILIGHT);
        assertThat(phaseAt(LocalDate.of(2024, 12, 21), LocalTime.NOON)).isEqualTo(DAY);
    }

    @Test
    void tromso_at_noon_in_the_polar_night_is_in_civil_twilight_and_at_midnight_in_june_in_daylight() {
        GeoPosition tromso = GeoPosition.of(69.6492, 18.9553);

        assertThat(DayPhase.at(Instant.parse("2024-12-21T10:00:00Z"), tromso)).isEqualTo(CIVIL_TWILIGHT);
        assertThat(DayPhase.at(Instant.parse("2024-06-21T22:00:00Z"), tromso)).isEqualTo(DAY);
    }

    private static DayPhase phaseAt(LocalDate date, LocalTime time) {
        return DayPhase.at(date.atTime(time).atZone(LONDON).toInstant(), GREENWICH);
    }
}
