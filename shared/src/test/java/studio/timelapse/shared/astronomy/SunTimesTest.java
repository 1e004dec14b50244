package studio.timelapse.shared.astronomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static studio.timelapse.shared.astronomy.SunEvent.ASTRONOMICAL_DAWN;
import static studio.timelapse.shared.astronomy.SunEvent.ASTRONOMICAL_DUSK;
import static studio.timelapse.shared.astronomy.SunEvent.CIVIL_DAWN;
import static studio.timelapse.shared.astronomy.SunEvent.CIVIL_DUSK;
import static studio.timelapse.shared.astronomy.SunEvent.NAUTICAL_DAWN;
import static studio.timelapse.shared.astronomy.SunEvent.NAUTICAL_DUSK;
import static studio.timelapse.shared.astronomy.SunEvent.SOLAR_NOON;
import static studio.timelapse.shared.astronomy.SunEvent.SUNRISE;
import static studio.timelapse.shared.astronomy.SunEvent.SUNSET;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What must hold of any day's events, whatever the published tables say. */
class SunTimesTest {

    private static final ZoneId LONDON_ZONE = ZoneId.of("Europe/London");
    private static final GeoPosition GREENWICH = GeoPosition.of(51.4769, -0.0005);
    private static final ZoneId OSLO_ZONE = ZoneId.of("Europe/Oslo");
    private static final GeoPosition TROMSO = GeoPosition.of(69.6492, 18.9553);
    private static final GeoPosition REYKJAVIK = GeoPosition.of(64.1466, -21.9426);

    static Stream<Arguments> places() {
        return Stream.of(
                Arguments.of("Greenwich", GREENWICH, LONDON_ZONE),
                Arguments.of("Sydney", GeoPosition.of(-33.8688, 151.2093), ZoneId.of("Australia/Sydney")),
                Arguments.of("Quito", GeoPosition.of(-0.1807, -78.4678), ZoneId.of("America/Guayaquil")),
                Arguments.of("Honolulu", GeoPosition.of(21.3069, -157.8583), ZoneId.of("Pacific/Honolulu")),
                Arguments.of("Kiritimati, UTC+14", GeoPosition.of(1.87, -157.43), ZoneId.of("Pacific/Kiritimati")),
                Arguments.of("Pago Pago, UTC-11", GeoPosition.of(-14.27, -170.70), ZoneId.of("Pacific/Pago_Pago")),
                Arguments.of("Auckland", GeoPosition.of(-36.8485, 174.7633), ZoneId.of("Pacific/Auckland")),
                Arguments.of("Tromso", TROMSO, OSLO_ZONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void every_day_of_the_year_the_events_that_happen_come_in_order_around_a_noon_on_that_date(
            String place, GeoPosition position, ZoneId zone) {
        for (LocalDate date = LocalDate.of(2024, 1, 1); date.getYear() == 2024; date = date.plusDays(1)) {
            SunTimes day = SunTimes.on(date, zone, position);

            assertThat(day.solarNoon().atZone(zone).toLocalDate()).as("%s", day).isEqualTo(date);
            List<Instant> happened = Arrays.stream(SunEvent.values()).map(day::time)
                    .flatMap(Optional::stream).toList();
            assertThat(happened).as("%s", day).isSorted().doesNotHaveDuplicates();
            assertThat(Duration.between(happened.get(0), happened.get(happened.size() - 1)))
                    .as("%s", day).isLessThan(Duration.ofHours(24));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void each_event_comes_once_a_day_and_away_from_the_polar_circles_moves_by_minutes_from_one_day_to_the_next(
            String place, GeoPosition position, ZoneId zone) {
        // Near a polar circle an event about to disappear races (Tromsø's last astronomical dawn moves 18 min a day).
        Duration drift = Math.abs(position.latitude()) < 60 ? Duration.ofMinutes(15) : Duration.ofHours(12);
        for (SunEvent event : SunEvent.values()) {
            Optional<Instant> previous = Optional.empty();
            for (LocalDate date = LocalDate.of(2024, 1, 1); date.getYear() == 2024; date = date.plusDays(1)) {
                Optional<Instant> time = SunTimes.on(date, zone, position).time(event);
                if (previous.isPresent() && time.isPresent()) {
                    assertThat(Duration.between(previous.get(), time.get()))
                            .as("%s %s on %s", place, event, date)
                            .isBetween(Duration.ofHours(24).minus(drift), Duration.ofHours(24).plus(drift));
                }
                previous = time;
            }
        }
    }

    @Test
    void at_greenwich_days_lengthen_from_the_december_solstice_to_the_june_solstice_and_shorten_after() {
        List<Duration> daylight = new ArrayList<>();
        for (LocalDate date = LocalDate.of(2023, 12, 22); date.isBefore(LocalDate.of(2024, 12, 21));
                date = date.plusDays(1)) {
            SunTimes day = SunTimes.on(date, LONDON_ZONE, GREENWICH);
            daylight.add(Duration.between(day.time(SUNRISE).orElseThrow(), day.time(SUNSET).orElseThrow()));
        }
        int longest = daylight.indexOf(daylight.stream().max(Duration::compareTo).orElseThrow());

        assertThat(LocalDate.of(2023, 12, 22).plusDays(longest)).isBetween(
                LocalDate.of(2024, 6, 19), LocalDate.of(2024, 6, 22));
        assertThat(daylight.subList(0, longest)).isSorted();
        assertThat(daylight.subList(longest, daylight.size())).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void on_the_equator_a_day_is_twelve_hours_and_seven_or_eight_minutes_all_year() {
        GeoPosition quito = GeoPosition.of(-0.1807, -78.4678);
        for (LocalDate date = LocalDate.of(2024, 1, 1); date.getYear() == 2024; date = date.plusDays(1)) {
            SunTimes day = SunTimes.on(date, ZoneId.of("America/Guayaquil"), quito);

            // 2 × 0.833° of extra arc at 15°/h is 6.7 min, up to 7.3 when the Sun's path slants at the solstices;
            // Quito, 0.18° south of the equator, gains about half a minute more in December.
            assertThat(Duration.between(day.time(SUNRISE).orElseThrow(), day.time(SUNSET).orElseThrow()))
                    .as("%s", day).isBetween(Duration.parse("PT12H6M"), Duration.parse("PT12H9M"));
        }
    }

    @Test
    void in_tromso_the_polar_night_has_no_sunrise_but_a_civil_twilight_at_midday() {
        SunTimes midwinter = SunTimes.on(LocalDate.of(2024, 12, 21), OSLO_ZONE, TROMSO);

        assertThat(midwinter.time(SUNRISE)).isEmpty();
        assertThat(midwinter.whyNot(SUNRISE)).contains(SunStays.BELOW);
        assertThat(midwinter.whyNot(SUNSET)).contains(SunStays.BELOW);
        assertThat(midwinter.time(CIVIL_DAWN)).isPresent();
        assertThat(midwinter.time(CIVIL_DUSK)).isPresent();
        assertThat(midwinter.whyNot(CIVIL_DAWN)).isEmpty();
    }

    @Test
    void in_tromso_the_midnight_sun_has_no_sunset_and_no_twilight() {
        SunTimes midsummer = SunTimes.on(LocalDate.of(2024, 6, 21), OSLO_ZONE, TROMSO);

        for (SunEvent event : List.of(ASTRONOMICAL_DAWN, NAUTICAL_DAWN, CIVIL_DAWN, SUNRISE,
                SUNSET, CIVIL_DUSK, NAUTICAL_DUSK, ASTRONOMICAL_DUSK)) {
            assertThat(midsummer.time(event)).as("%s", event).isEmpty();
            assertThat(midsummer.whyNot(event)).as("%s", event).contains(SunStays.ABOVE);
        }
        assertThat(midsummer.time(SOLAR_NOON)).isPresent();
    }

    /** Tromsø's polar night runs "from about 26 November to 15 January", its midnight sun "from about 18 May to 26 July". */
    @Test
    void tromso_has_a_polar_night_and_a_midnight_sun_at_the_published_dates() {
        assertThat(datesWithout(SUNRISE, LocalDate.of(2024, 11, 1), LocalDate.of(2025, 2, 1)))
                .first().isIn(LocalDate.of(2024, 11, 25), LocalDate.of(2024, 11, 26), LocalDate.of(2024, 11, 27));
        assertThat(datesWithout(SUNRISE, LocalDate.of(2024, 11, 1), LocalDate.of(2025, 2, 1)))
                .last().isIn(LocalDate.of(2025, 1, 14), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 16));
        assertThat(datesWithout(SUNSET, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 8, 1)))
                .first().isIn(LocalDate.of(2024, 5, 17), LocalDate.of(2024, 5, 18), LocalDate.of(2024, 5, 19));
        assertThat(datesWithout(SUNSET, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 8, 1)))
                .last().isIn(LocalDate.of(2024, 7, 24), LocalDate.of(2024, 7, 25), LocalDate.of(2024, 7, 26));
    }

    @Test
    void reykjavik_at_midsummer_has_a_sunset_after_midnight_and_never_gets_as_dark_as_civil_twilight() {
        SunTimes midsummer = SunTimes.on(LocalDate.of(2024, 6, 21), ZoneId.of("Atlantic/Reykjavik"), REYKJAVIK);

        assertThat(midsummer.time(SUNRISE).orElseThrow().atZone(midsummer.zone()).toLocalTime())
                .isBetween(LocalTime.of(2, 50), LocalTime.of(3, 0));
        assertThat(midsummer.time(SUNSET).orElseThrow().atZone(midsummer.zone()).toLocalDate())
                .isEqualTo(LocalDate.of(2024, 6, 22));
        for (SunEvent twilight : List.of(CIVIL_DAWN, CIVIL_DUSK, NAUTICAL_DUSK, ASTRONOMICAL_DUSK)) {
            assertThat(midsummer.whyNot(twilight)).as("%s", twilight).contains(SunStays.ABOVE);
        }
    }

    @Test
    void when_europe_moves_its_clocks_forward_sunrise_comes_an_hour_later_by_the_clock_and_two_minutes_earlier_in_time() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        GeoPosition brandenburgGate = GeoPosition.of(52.5163, 13.3777);
        Instant saturday = SunTimes.on(LocalDate.of(2024, 3, 30), berlin, brandenburgGate).time(SUNRISE).orElseThrow();
        Instant sunday = SunTimes.on(LocalDate.of(2024, 3, 31), berlin, brandenburgGate).time(SUNRISE).orElseThrow();

        assertThat(Duration.between(saturday, sunday))
                .isBetween(Duration.ofHours(24).minusMinutes(3), Duration.ofHours(24).minusMinutes(1));
        assertThat(Duration.between(saturday.atZone(berlin).toLocalTime(), sunday.atZone(berlin).toLocalTime()))
                .isBetween(Duration.ofMinutes(57), Duration.ofMinutes(59));
    }

    @Test
    void across_the_date_line_the_same_sun_has_local_dates_a_day_apart() {
        // One place at 157°W, seen through Kiritimati's UTC+14 and Honolulu's UTC−10: 2 June there is 1 June here.
        SunTimes kiritimati = SunTimes.on(LocalDate.of(2024, 6, 2), ZoneId.of("Pacific/Kiritimati"),
                GeoPosition.of(1.87, -157.43));
        SunTimes honolulu = SunTimes.on(LocalDate.of(2024, 6, 1), ZoneId.of("Pacific/Honolulu"),
                GeoPosition.of(1.87, -157.43));

        assertThat(kiritimati.solarNoon()).isEqualTo(honolulu.solarNoon());
        assertThat(kiritimati.time(SUNRISE)).isEqualTo(honolulu.time(SUNRISE));
    }

    @Test
    void a_date_the_zone_skipped_is_refused() {
        // Samoa moved west of the date line by skipping Friday 30 December 2011.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SunTimes.on(LocalDate.of(2011, 12, 30), ZoneId.of("Pacific/Apia"),
                        GeoPosition.of(-13.83, -171.76)))
                .withMessage("2011-12-30 does not exist in Pacific/Apia");
    }

    private static List<LocalDate> datesWithout(SunEvent event, LocalDate from, LocalDate until) {
        return from.datesUntil(until)
                .filter(date -> SunTimes.on(date, OSLO_ZONE, TROMSO).time(event).isEmpty())
                .toList();
    }
}
