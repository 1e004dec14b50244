package studio.timelapse.shared.astronomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SunPositionTest {

    /**
     * The worked example of NREL's Solar Position Algorithm (Reda and Andreas, 2004, table A5.1): Golden, Colorado,
     * 2003-10-17 12:30:30 at UTC−7. Its topocentric altitude before refraction is 39.872046°, its azimuth 194.340241°.
     * The SPA is accurate to 0.0003°; our series to about 0.01°, which is the tolerance.
     */
    @Test
    void matches_the_nrel_spa_worked_example() {
        SunPosition sun = SunPosition.at(Instant.parse("2003-10-17T19:30:30Z"), GeoPosition.of(39.742476, -105.1786));

        assertThat(sun.altitude()).isCloseTo(39.872046, within(0.01));
        assertThat(sun.azimuth()).isCloseTo(194.340241, within(0.01));
    }

    @ParameterizedTest(name = "{0}, latitude {1}")
    @CsvSource({
            "2024-03-20, 51.48", "2024-06-21, 51.48", "2024-12-21, 51.48",
            "2024-06-21, -33.87", "2024-12-21, -33.87", "2024-09-22, -0.18",
            "2024-06-21, 69.65", "2024-12-21, 78.22",
    })
    void at_solar_noon_the_altitude_is_ninety_less_the_distance_between_latitude_and_declination(
            LocalDate date, double latitude) {
        GeoPosition position = GeoPosition.of(latitude, 10);
        Instant noon = SunTimes.on(date, ZoneOffset.UTC, position).solarNoon();
        double declination = Math.toDegrees(SolarCoordinates.at(SolarCoordinates.epochSeconds(noon)).declination());

        assertThat(SunPosition.at(noon, position).altitude())
                .isCloseTo(90 - Math.abs(latitude - declination), within(0.1));
    }

    @Test
    void at_solar_noon_the_sun_is_due_south_from_the_north_and_due_north_from_the_south() {
        Instant northernNoon = SunTimes.on(LocalDate.of(2024, 3, 20), ZoneId.of("Europe/London"),
                GeoPosition.of(51.5, 0)).solarNoon();
        Instant southernNoon = SunTimes.on(LocalDate.of(2024, 3, 20), ZoneId.of("Australia/Sydney"),
                GeoPosition.of(-33.87, 151.21)).solarNoon();

        assertThat(SunPosition.at(northernNoon, GeoPosition.of(51.5, 0)).azimuth()).isCloseTo(180, within(0.1));
        assertThat(northOffset(SunPosition.at(southernNoon, GeoPosition.of(-33.87, 151.21)).azimuth()))
                .isCloseTo(0, within(0.1));
    }

    @Test
    void the_sun_rises_in_the_east_and_sets_in_the_west() {
        GeoPosition london = GeoPosition.of(51.5, 0);
        SunTimes equinox = SunTimes.on(LocalDate.of(2024, 3, 20), ZoneId.of("Europe/London"), london);

        assertThat(SunPosition.at(equinox.time(SunEvent.SUNRISE).orElseThrow(), london).azimuth())
                .isCloseTo(90, within(2.0));
        assertThat(SunPosition.at(equinox.time(SunEvent.SUNSET).orElseThrow(), london).azimuth())
                .isCloseTo(270, within(2.0));
    }

    @Test
    void at_a_computed_sunrise_the_centre_of_the_sun_is_fifty_arcminutes_below_the_horizon() {
        GeoPosition london = GeoPosition.of(51.5, 0);
        Instant sunrise = SunTimes.on(LocalDate.of(2024, 3, 20), ZoneId.of("Europe/London"), london)
                .time(SunEvent.SUNRISE).orElseThrow();

        assertThat(SunPosition.at(sunrise, london).altitude()).isCloseTo(-0.833, within(0.0005));
    }

    @Test
    void refraction_lifts_the_sun_by_about_34_arcminutes_at_the_horizon_and_not_at_all_overhead() {
        // A Sun whose centre is truly 0.575° down appears on the horizon: the classic 34′ of horizontal refraction.
        assertThat(new SunPosition(-0.575, 90).apparentAltitude()).isCloseTo(0, within(0.01));
        assertThat(new SunPosition(45, 180).apparentAltitude() - 45).isCloseTo(58.1 / 3600, within(0.001));
        assertThat(new SunPosition(89, 180).apparentAltitude()).isEqualTo(89);
    }

    @Test
    void altitude_alone_is_the_altitude_of_the_full_position() {
        GeoPosition tromso = GeoPosition.of(69.65, 18.96);
        IntStream.range(0, 48).mapToObj(half -> Instant.parse("2024-12-21T00:00:00Z").plusSeconds(half * 1800L))
                .forEach(instant -> assertThat(SunPosition.altitudeAt(instant, tromso))
                        .isEqualTo(SunPosition.at(instant, tromso).altitude()));
    }

    private static double northOffset(double azimuth) {
        return azimuth > 180 ? azimuth - 360 : azimuth;
    }
}
