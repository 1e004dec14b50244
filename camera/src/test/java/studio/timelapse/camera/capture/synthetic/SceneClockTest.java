package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SceneClockTest {
    private static final Instant REAL_START = Instant.parse("2026-11-28T09:00:00Z");
    private static final Instant SCENE_START = Instant.parse("2026-06-21T04:00:00Z");

    @Test
    void inRealTimeTheSceneShowsTheSlot() {
        Instant slot = Instant.parse("2026-11-28T09:00:00.123456789Z");

        assertThat(SceneClock.realTime().sceneTime(slot)).isEqualTo(slot);
    }

    @Test
    void aDayInTwoMinutesRunsSevenHundredAndTwentyTimesAsFast() {
        SceneClock clock = SceneClock.dayIn(Duration.ofMinutes(2), REAL_START, SCENE_START);

        assertThat(clock.speed()).isEqualTo(720);
        assertThat(clock.sceneTime(REAL_START)).isEqualTo(SCENE_START);
        assertThat(clock.sceneTime(REAL_START.plusSeconds(60))).isEqualTo(SCENE_START.plus(Duration.ofHours(12)));
        assertThat(clock.sceneTime(REAL_START.plusMillis(500))).isEqualTo(SCENE_START.plusSeconds(360));
        assertThat(clock.sceneTime(REAL_START.minusSeconds(1))).isEqualTo(SCENE_START.minusSeconds(720));
    }

    @Test
    void anAcceleratedClockStartsWhereItIsTold() {
        SceneClock clock = SceneClock.accelerated(REAL_START, SCENE_START, 2.5);

        assertThat(clock.sceneTime(REAL_START.plusSeconds(4))).isEqualTo(SCENE_START.plusSeconds(10));
    }

    @Test
    void refusesSpeedsThatAreNotPositiveOrAbsurd() {
        assertThatThrownBy(() -> SceneClock.accelerated(REAL_START, SCENE_START, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> SceneClock.accelerated(REAL_START, SCENE_START, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SceneClock.accelerated(REAL_START, SCENE_START, 1e9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SceneClock.dayIn(Duration.ZERO, REAL_START, SCENE_START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
