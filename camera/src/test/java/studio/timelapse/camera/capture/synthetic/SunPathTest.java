package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SunPathTest {
    private final SunPath utc = SunPath.simpleDay(ZoneOffset.UTC);

    @Test
    void theSimpleDayRisesAtSixCulminatesAtNoonAndSetsAtSix() {
        assertThat(utc.at(Frames.midsummer("06:00")).altitudeDegrees()).isCloseTo(0, within(1e-9));
        assertThat(utc.at(Frames.midsummer("06:00")).azimuthDegrees()).isCloseTo(90, within(1e-9));
        assertThat(utc.at(Frames.midsummer("12:00")).altitudeDegrees()).isCloseTo(50, within(1e-9));
        assertThat(utc.at(Frames.midsummer("12:00")).azimuthDegrees()).isCloseTo(180, within(1e-9));
        assertThat(utc.at(Frames.midsummer("18:00")).altitudeDegrees()).isCloseTo(0, within(1e-9));
        assertThat(utc.at(Frames.midsummer("18:00")).azimuthDegrees()).isCloseTo(270, within(1e-9));
        assertThat(utc.at(Frames.midsummer("00:00")).altitudeDegrees()).isCloseTo(-50, within(1e-9));
    }

    @Test
    void theSimpleDayFollowsLocalTime() {
        SunPath berlin = SunPath.simpleDay(ZoneId.of("Europe/Berlin"));

        // Noon in Berlin in summer is 10:00 UTC.
        assertThat(berlin.at(Instant.parse("2026-06-21T10:00:00Z")).altitudeDegrees()).isCloseTo(50, within(1e-9));
    }

    @Test
    void anAltitudeFromElsewhereKeepsTheSimpleDaysAzimuth() {
        SunPath fromAstronomy = SunPath.ofAltitude(instant -> 61.5, ZoneOffset.UTC);

        SunPosition noon = fromAstronomy.at(Frames.midsummer("12:00"));
        assertThat(noon.altitudeDegrees()).isEqualTo(61.5);
        assertThat(noon.azimuthDegrees()).isCloseTo(180, within(1e-9));
    }
}
