package studio.timelapse.shared.astronomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static studio.timelapse.shared.astronomy.SunEvent.CIVIL_DAWN;
import static studio.timelapse.shared.astronomy.SunEvent.CIVIL_DUSK;
import static studio.timelapse.shared.astronomy.SunEvent.SOLAR_NOON;
import static studio.timelapse.shared.astronomy.SunEvent.SUNRISE;
import static studio.timelapse.shared.astronomy.SunEvent.SUNSET;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SunWindowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final GeoPosition GREENWICH = GeoPosition.of(51.4769, -0.0005);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final GeoPosition TROMSO = GeoPosition.of(69.6492, 18.9553);

    private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);
    private static final SunWindow CIVIL_DAYLIGHT_AND_A_HALF_HOUR = SunWindow.between(
            SunAnchor.at(CIVIL_DAWN).minus(HALF_AN_HOUR), SunAnchor.at(CIVIL_DUSK).plus(HALF_AN_HOUR));
    private static final SunWindow DAYLIGHT = SunWindow.between(SunAnchor.at(SUNRISE), SunAnchor.at(SUNSET));
    private static final SunWindow NIGHT = SunWindow.between(SunAnchor.at(SUNSET), SunAnchor.at(SUNRISE));

    @Test
    void a_window_from_civil_dawn_less_half_an_hour_to_civil_dusk_plus_half_an_hour() {
        LocalDate midsummer = LocalDate.of(2024, 6, 21);
        SunTimes day = SunTimes.on(midsummer, LONDON, GREENWICH);

        DailyWindow window = CIVIL_DAYLIGHT_AND_A_HALF_HOUR.on(midsummer, LONDON, GREENWICH);

        assertThat(window).isEqualTo(new DailyWindow.Open(midsummer, new TimeInterval(
                day.time(CIVIL_DAWN).orElseThrow().minus(HALF_AN_HOUR),
                day.time(CIVIL_DUSK).orElseThrow().plus(HALF_AN_HOUR))));
    }

    @Test
    void a_window_from_sunset_to_sunrise_ends_at_the_next_morning() {
        LocalDate midwinter = LocalDate.of(2024, 12, 21);

        DailyWindow window = NIGHT.on(midwinter, LONDON, GREENWICH);

        assertThat(NIGHT.endsNextDay()).isTrue();
        assertThat(window.interval()).contains(new TimeInterval(
                SunTimes.on(midwinter, LONDON, GREENWICH).time(SUNSET).orElseThrow(),
                SunTimes.on(midwinter.plusDays(1), LONDON, GREENWICH).time(SUNRISE).orElseThrow()));
    }

    @Test
    void the_end_is_on_the_next_day_when_its_event_comes_earlier_in_the_day_or_is_the_same_event_no_later() {
        assertThat(DAYLIGHT.endsNextDay()).isFalse();
        assertThat(SunWindow.between(SunAnchor.at(SOLAR_NOON).minus(HALF_AN_HOUR), SunAnchor.at(SOLAR_NOON).plus(
                HALF_AN_HOUR)).endsNextDay()).isFalse();
        assertThat(SunWindow.between(SunAnchor.at(SUNSET), SunAnchor.at(SUNSET)).endsNextDay()).isTrue();
    }

    @Test
    void offsets_that_leave_nothing_close_the_window_and_say_so() {
        SunWindow middayOnly = SunWindow.between(SunAnchor.at(SUNRISE).plus(Duration.ofHours(5)),
                SunAnchor.at(SUNSET).minus(Duration.ofHours(5)));

        DailyWindow window = middayOnly.on(LocalDate.of(2024, 12, 21), LONDON, GREENWICH);

        assertThat(window).isInstanceOf(DailyWindow.Closed.class);
        assertThat(window.interval()).isEmpty();
        assertThat(((DailyWindow.Closed) window).reason())
                .startsWith("the window from sunrise + 5 h to sunset − 5 h is empty on 2024-12-21");
    }

    @Test
    void in_the_midnight_sun_a_daylight_window_lasts_the_whole_local_day_and_a_night_window_is_closed() {
        LocalDate midsummer = LocalDate.of(2024, 6, 21);

        assertThat(DAYLIGHT.on(midsummer, OSLO, TROMSO).interval()).contains(wholeDay(midsummer));
        assertThat(NIGHT.on(midsummer, OSLO, TROMSO)).isEqualTo(new DailyWindow.Closed(midsummer,
                "sunset does not happen on 2024-06-21 at 69.6492°N 18.9553°E: the sun stays above -0.833° all day"));
    }

    @Test
    void in_the_polar_night_a_night_window_lasts_the_whole_local_day_and_a_daylight_window_is_closed() {
        LocalDate midwinter = LocalDate.of(2024, 12, 21);

        assertThat(NIGHT.on(midwinter, OSLO, TROMSO).interval()).contains(wholeDay(midwinter));
        assertThat(DAYLIGHT.on(midwinter, OSLO, TROMSO)).isEqualTo(new DailyWindow.Closed(midwinter,
                "sunrise does not happen on 2024-12-21 at 69.6492°N 18.9553°E: the sun stays below -0.833° all day"));
        assertThat(CIVIL_DAYLIGHT_AND_A_HALF_HOUR.on(midwinter, OSLO, TROMSO).interval()).isPresent();
    }

    @Test
    void through_tromsos_polar_night_the_nightly_windows_cover_exactly_the_instants_when_the_sun_is_down() {
        assertWindowsCoverExactly(NIGHT, LocalDate.of(2024, 11, 15), LocalDate.of(2025, 1, 25), false);
    }

    @Test
    void through_tromsos_midnight_sun_the_daily_windows_cover_exactly_the_instants_when_the_sun_is_up() {
        assertWindowsCoverExactly(DAYLIGHT, LocalDate.of(2024, 5, 10), LocalDate.of(2024, 8, 5), true);
    }

    @Test
    void on_the_day_the_clocks_go_forward_the_window_is_as_long_as_the_sun_says_not_the_clock() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        GeoPosition brandenburgGate = GeoPosition.of(52.5163, 13.3777);
        LocalDate springForward = LocalDate.of(2024, 3, 31);
        SunTimes day = SunTimes.on(springForward, berlin, brandenburgGate);

        TimeInterval window = NIGHT.on(springForward.minusDays(1), berlin, brandenburgGate).interval().orElseThrow();

        assertThat(window.end()).isEqualTo(day.time(SUNRISE).orElseThrow());
        assertThat(window.duration()).isBetween(Duration.ofHours(11), Duration.ofHours(12)); // not 13 by the clock
    }

    @Test
    void days_computed_elsewhere_must_be_the_ones_the_window_needs() {
        SunTimes midwinter = SunTimes.on(LocalDate.of(2024, 12, 21), LONDON, GREENWICH);

        assertThat(NIGHT.on(midwinter, SunTimes.on(LocalDate.of(2024, 12, 22), LONDON, GREENWICH)))
                .isEqualTo(NIGHT.on(LocalDate.of(2024, 12, 21), LONDON, GREENWICH));
        assertThatIllegalArgumentException().isThrownBy(() -> NIGHT.on(midwinter, midwinter))
                .withMessageContaining("ends on the day of 2024-12-22");
    }

    @Test
    void an_interval_holds_its_start_but_not_its_end_and_must_end_after_it_starts() {
        Instant start = Instant.parse("2024-06-21T03:00:00Z");
        TimeInterval interval = new TimeInterval(start, start.plusSeconds(60));

        assertThat(interval.contains(start)).isTrue();
        assertThat(interval.contains(start.plusSeconds(60))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeInterval(start, start));
    }

    @Test
    void anchors_and_windows_read_as_they_were_written() {
        assertThat(CIVIL_DAYLIGHT_AND_A_HALF_HOUR)
                .hasToString("from civil dawn − 30 min to civil dusk + 30 min");
        assertThat(SunAnchor.at(SUNSET).plus(Duration.ofSeconds(5430))).hasToString("sunset + 1 h 30 min 30 s");
        assertThat(SunAnchor.at(SUNSET)).hasToString("sunset");
    }

    /**
     * Resolves the window for every date in [from, until) and checks, every ten minutes, that an instant is in some
     * date's interval exactly when the Sun is (or is not) up — the windows neither miss nor overlap anything.
     */
    private static void assertWindowsCoverExactly(SunWindow window, LocalDate from, LocalDate until, boolean sunUp) {
        List<TimeInterval> intervals = new ArrayList<>();
        for (LocalDate date = from.minusDays(1); date.isBefore(until); date = date.plusDays(1)) {
            window.on(date, OSLO, TROMSO).interval().ifPresent(intervals::add);
        }
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i).start()).as("overlap").isAfterOrEqualTo(intervals.get(i - 1).end());
        }
        Instant end = until.atStartOfDay(OSLO).toInstant();
        for (Instant t = from.atStartOfDay(OSLO).toInstant().plusSeconds(7); t.isBefore(end); t = t.plusSeconds(600)) {
            Instant instant = t;
            boolean covered = intervals.stream().anyMatch(interval -> interval.contains(instant));
            boolean up = DayPhase.at(instant, TROMSO) == DayPhase.DAY;
            assertThat(covered).as("%s (%s)", instant.atZone(OSLO), up ? "sun up" : "sun down").isEqualTo(up == sunUp);
        }
    }

    private static TimeInterval wholeDay(LocalDate date) {
        return new TimeInterval(date.atStartOfDay(OSLO).toInstant(), date.plusDays(1).atStartOfDay(OSLO).toInstant());
    }
}
