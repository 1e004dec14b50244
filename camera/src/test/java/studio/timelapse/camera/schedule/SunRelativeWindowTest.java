package studio.timelapse.camera.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.SunAnchor;
import studio.timelapse.shared.astronomy.SunEvent;
import studio.timelapse.shared.astronomy.SunWindow;

/** Capture from civil dawn to civil dusk, computed at the camera's position, as a schedule window. */
class SunRelativeWindowTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final GeoPosition GREENWICH = GeoPosition.of(51.4779, -0.0015);
    private static final ZoneId TROMSO_ZONE = ZoneId.of("Europe/Oslo");
    private static final GeoPosition TROMSO = GeoPosition.of(69.6492, 18.9553);

    private final SunWindow civilDay = SunWindow.between(SunAnchor.at(SunEvent.CIVIL_DAWN),
            SunAnchor.at(SunEvent.CIVIL_DUSK));

    @Test
    void opensAtCivilDawnAndClosesAtCivilDusk() {
        SunRelativeWindow window = new SunRelativeWindow(civilDay, LONDON, GREENWICH);
        // Midsummer in London: civil dawn about 03:58 BST (02:58 UTC), civil dusk about 22:05 BST.
        Instant night = Instant.parse("2026-06-21T01:00:00Z");
        assertThat(window.isOpen(night)).isFalse();
        Instant dawn = window.nextOpening(night).orElseThrow();
        assertThat(dawn).isBetween(Instant.parse("2026-06-21T02:50:00Z"), Instant.parse("2026-06-21T03:05:00Z"));
        assertThat(window.isOpen(dawn)).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-06-21T12:00:00Z"))).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-06-21T21:30:00Z"))).as("after dusk").isFalse();
    }

    @Test
    void aScheduleInsideTheSunWindowTakesFramesOnlyInDaylight() {
        SunRelativeWindow window = new SunRelativeWindow(civilDay, LONDON, GREENWICH);
        CapturePlan plan = new CapturePlan(new IntervalGrid(Instant.parse("2026-12-21T00:00:00Z"), Duration.ofMinutes(10)),
                window, CaptureLimits.none());
        Instant first = plan.nextSlot(Instant.parse("2026-12-21T00:00:00Z")).orElseThrow();
        // Midwinter civil dawn in London is about 07:25 GMT: the first 10-minute slot after it.
        assertThat(first).isBetween(Instant.parse("2026-12-21T07:20:00Z"), Instant.parse("2026-12-21T07:40:00Z"));
    }

    @Test
    void throughThePolarNightTheWindowStaysClosedWithTheReasonAndReopensWhenTheSunReturns() {
        SunWindow sunUp = SunWindow.between(SunAnchor.at(SunEvent.SUNRISE), SunAnchor.at(SunEvent.SUNSET));
        SunRelativeWindow window = new SunRelativeWindow(sunUp, TROMSO_ZONE, TROMSO);
        Instant midwinterNoon = Instant.parse("2026-12-21T11:00:00Z");
        assertThat(window.isOpen(midwinterNoon)).isFalse();
        assertThat(window.closedReason(midwinterNoon)).hasValueSatisfying(reason ->
                assertThat(reason).contains("sunrise does not happen").contains("stays below"));
        Optional<Instant> returns = window.nextOpening(midwinterNoon);
        // The sun returns to Tromsø around 15 January.
        assertThat(returns).hasValueSatisfying(when ->
                assertThat(when).isBetween(Instant.parse("2027-01-13T00:00:00Z"), Instant.parse("2027-01-18T00:00:00Z")));
    }
}
