package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.SunEvent;
import studio.timelapse.shared.astronomy.SunTimes;

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

    @Test
    void atARealPlaceTheSunRisesAndSetsWhenTheSunTablesSay() {
        GeoPosition zurich = GeoPosition.of(47.3769, 8.5417);
        SunTimes midsummer = SunTimes.on(LocalDate.of(2026, 6, 21), ZoneId.of("Europe/Zurich"), zurich);
        Instant sunrise = midsummer.time(SunEvent.SUNRISE).orElseThrow();
        Instant sunset = midsummer.time(SunEvent.SUNSET).orElseThrow();
        SunPath sun = SunPath.at(zurich);

        // At sunrise the sun's centre is 0.83° below the horizon; the scene shows it where it appears, lifted by
        // refraction (0.40° in the model the exposure ramp uses too).
        assertThat(sun.at(sunrise).altitudeDegrees()).isCloseTo(-0.44, within(0.02));
        assertThat(sun.at(sunrise.minus(Duration.ofMinutes(10))).altitudeDegrees()).isNegative();
        assertThat(sun.at(sunrise.plus(Duration.ofMinutes(10))).altitudeDegrees()).isPositive();
        assertThat(sun.at(sunset.plus(Duration.ofMinutes(10))).altitudeDegrees()).isNegative();
        assertThat(sun.at(sunrise).azimuthDegrees()).as("north-east in midsummer").isBetween(45.0, 65.0);
        SunPosition noon = sun.at(midsummer.solarNoon());
        assertThat(noon.altitudeDegrees()).as("90 - 47.4 + 23.4").isCloseTo(66.1, within(0.2));
        assertThat(noon.azimuthDegrees()).isCloseTo(180, within(0.5));
    }

    @Test
    void southOfTheEquatorTheSceneFacesNorthWhereTheNoonSunIs() {
        GeoPosition sydney = GeoPosition.of(-33.87, 151.21);
        SunTimes day = SunTimes.on(LocalDate.of(2026, 6, 21), ZoneId.of("Australia/Sydney"), sydney);

        SunPosition noon = SunPath.at(sydney).at(day.solarNoon());

        assertThat(noon.azimuthDegrees()).as("in the middle of the frame").isCloseTo(180, within(0.5));
        assertThat(noon.altitudeDegrees()).as("midwinter there: 90 - 33.9 - 23.4").isCloseTo(32.7, within(0.3));
    }
}
