package studio.timelapse.camera.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.SunPosition;

/** A day-to-night ramp at a real place: smooth, within the camera's limits, bright by day and long by night. */
class ExposureRampTest {
    private static final GeoPosition BERN = GeoPosition.of(46.95, 7.45);
    private static final ExposureLimits PI_CAMERA = ExposureLimits.forInterval(1.8, 1e-5, 112, 16, 20);

    private final ExposureRamp ramp = new ExposureRamp(t -> SunPosition.altitudeAt(t, BERN), PI_CAMERA, 0);

    @Test
    void brightnessFollowsTheSunSmoothly() {
        assertThat(SceneBrightness.ev100(45)).isBetween(15.0, 15.5);
        assertThat(SceneBrightness.ev100(-0.833)).isEqualTo(11.0);
        assertThat(SceneBrightness.ev100(-30)).isEqualTo(-4.0);
        double last = SceneBrightness.ev100(-20);
        for (double altitude = -20; altitude <= 60; altitude += 0.1) {
            double ev = SceneBrightness.ev100(altitude);
            assertThat(ev).isGreaterThanOrEqualTo(last);
            assertThat(ev - last).as("no jump near %.1f°", altitude).isLessThan(0.15);
            last = ev;
        }
    }

    @Test
    void noonIsShortAtBaseGainAndMidnightIsAsLongAsTheIntervalAllowsAtHighGain() {
        Exposure noon = new ExposureRamp(t -> 60, PI_CAMERA, 0).next(Instant.EPOCH);
        assertThat(noon.gain()).isEqualTo(1.0);
        assertThat(noon.shutterSeconds()).isBetween(1e-5, 1e-4);
        // EV −4 at f/1.8 wants 1.8² × 2⁴ ≈ 51.8 s at gain 1: the longest shutter a 20 s interval leaves, then gain.
        Exposure night = new ExposureRamp(t -> -40, PI_CAMERA, 0).next(Instant.EPOCH);
        assertThat(night.shutterSeconds()).isEqualTo(16.0, within(1e-9));
        assertThat(night.gain()).isEqualTo(3.24, within(1e-9));
        // A 2 s interval cannot gather that much light: the longest shutter and the highest gain, darker than wanted.
        Exposure quick = new ExposureRamp(t -> -40, ExposureLimits.forInterval(1.8, 1e-5, 112, 16, 2), 0)
                .next(Instant.EPOCH);
        assertThat(quick.shutterSeconds()).isEqualTo(1.6, within(1e-9));
        assertThat(quick.gain()).isEqualTo(16.0);
    }

    @Test
    void aSunsetRampNeverStepsMoreThanAThirdOfAStopAndNeverExceedsTheLimits() {
        List<Exposure> evening = new ArrayList<>();
        Instant from = Instant.parse("2026-06-21T18:00:00Z");
        for (Instant slot = from; slot.isBefore(from.plus(Duration.ofHours(4))); slot = slot.plusSeconds(20)) {
            evening.add(ramp.next(slot));
        }
        for (int i = 1; i < evening.size(); i++) {
            assertThat(Math.abs(evening.get(i).stops() - evening.get(i - 1).stops())).isLessThanOrEqualTo(1.0 / 3 + 1e-9);
        }
        assertThat(evening).allSatisfy(e -> {
            assertThat(e.shutterSeconds()).isBetween(PI_CAMERA.minShutterSeconds(), PI_CAMERA.maxShutterSeconds());
            assertThat(e.gain()).isBetween(1.0, PI_CAMERA.maxGain());
        });
        assertThat(evening.get(evening.size() - 1).stops()).as("darker by far after dusk")
                .isGreaterThan(evening.get(0).stops() + 10);
    }

    @Test
    void theRampCatchesUpWithASuddenChangeAThirdOfAStopAtATime() {
        double[] altitude = {60};
        ExposureRamp following = new ExposureRamp(t -> altitude[0], PI_CAMERA, 0);
        Exposure day = following.next(Instant.EPOCH);
        altitude[0] = 5;
        Exposure step = following.next(Instant.EPOCH.plusSeconds(20));
        assertThat(step.stops() - day.stops()).isEqualTo(1.0 / 3, within(1e-9));
    }

    @Test
    void aBiasBrightensEveryFrame() {
        Exposure plain = new ExposureRamp(t -> 10, PI_CAMERA, 0).next(Instant.EPOCH);
        Exposure brighter = new ExposureRamp(t -> 10, PI_CAMERA, 1).next(Instant.EPOCH);
        assertThat(brighter.stops() - plain.stops()).isEqualTo(1.0, within(1e-9));
    }
}
