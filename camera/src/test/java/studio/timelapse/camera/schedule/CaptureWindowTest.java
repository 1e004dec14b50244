package studio.timelapse.camera.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptureWindowTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Test
    void betweenInstantsIsOpenFromStartUntilStop() {
        Instant start = Instant.parse("2026-06-21T06:00:00Z");
        Instant stop = Instant.parse("2026-06-21T18:00:00Z");
        BetweenInstants window = new BetweenInstants(Optional.of(start), Optional.of(stop));
        assertThat(window.isOpen(start.minusSeconds(1))).isFalse();
        assertThat(window.isOpen(start)).isTrue();
        assertThat(window.isOpen(stop)).isFalse();
        assertThat(window.nextOpening(start.minusSeconds(3600))).contains(start);
        assertThat(window.nextOpening(stop)).isEmpty();
        assertThatThrownBy(() -> new BetweenInstants(Optional.of(stop), Optional.of(start))).hasMessageContaining("before");
    }

    @Test
    void dailyHoursFollowLocalTimeAcrossDaylightSavingChanges() {
        DailyHours mornings = new DailyHours(LocalTime.of(6, 0), LocalTime.of(9, 0), ZURICH);
        // 2026-03-29: clocks go from 02:00 to 03:00 in Zurich; 06:00 local is 04:00 UTC after the change.
        assertThat(mornings.nextOpening(Instant.parse("2026-03-28T10:00:00Z")))
                .contains(Instant.parse("2026-03-29T04:00:00Z"));
        assertThat(mornings.isOpen(Instant.parse("2026-03-28T05:30:00Z"))).as("06:30 CET").isTrue();
        assertThat(mornings.isOpen(Instant.parse("2026-03-29T05:30:00Z"))).as("07:30 CEST").isTrue();
        assertThat(mornings.isOpen(Instant.parse("2026-03-29T07:30:00Z"))).as("09:30 CEST").isFalse();
    }

    @Test
    void aNightWindowSpansMidnight() {
        DailyHours nights = new DailyHours(LocalTime.of(22, 0), LocalTime.of(4, 0), ZoneId.of("UTC"));
        assertThat(nights.isOpen(Instant.parse("2026-01-01T23:30:00Z"))).isTrue();
        assertThat(nights.isOpen(Instant.parse("2026-01-02T03:59:00Z"))).isTrue();
        assertThat(nights.isOpen(Instant.parse("2026-01-02T12:00:00Z"))).isFalse();
        assertThat(nights.nextOpening(Instant.parse("2026-01-02T12:00:00Z")))
                .contains(Instant.parse("2026-01-02T22:00:00Z"));
    }

    @Test
    void allWindowsOpensWhenEveryOneIsOpen() {
        CaptureWindow from = new BetweenInstants(Optional.of(Instant.parse("2026-06-23T00:00:00Z")), Optional.empty());
        CaptureWindow hours = new DailyHours(LocalTime.of(6, 0), LocalTime.of(8, 0), ZoneId.of("UTC"));
        AllWindows both = new AllWindows(List.of(from, hours));
        assertThat(both.nextOpening(Instant.parse("2026-06-21T07:00:00Z")))
                .contains(Instant.parse("2026-06-23T06:00:00Z"));
        assertThat(both.describe()).contains("from 2026-06-23T00:00:00Z").contains("daily 06:00–08:00");
    }

    @Test
    void aPlanSkipsToTheFirstGridSlotInsideTheWindow() {
        Instant anchor = Instant.parse("2026-06-21T00:00:00Z");
        CapturePlan plan = new CapturePlan(new IntervalGrid(anchor, java.time.Duration.ofMinutes(7)),
                new DailyHours(LocalTime.of(6, 0), LocalTime.of(7, 0), ZoneId.of("UTC")), CaptureLimits.none());
        // 06:00 is minute 360, not on a 7-minute grid from midnight; the first slot after it is minute 364.
        assertThat(plan.nextSlot(anchor)).contains(Instant.parse("2026-06-21T06:04:00Z"));
    }
}
