package studio.timelapse.camera.capture.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Maps capture slots to the scene's own time, so that a simulated day can pass in two minutes for the demo while the
 * scheduler keeps real slots. Scene time runs {@link #speed()} times as fast as real time, from {@code sceneStart}
 * at the real instant {@code realStart}.
 */
public final class SceneClock {
    private static final double ONE_DAY_SECONDS = 86_400;
    private static final double MAX_SPEED = 1_000_000;

    private final Instant realStart;
    private final Instant sceneStart;
    private final double speed;

    private SceneClock(Instant realStart, Instant sceneStart, double speed) {
        if (!(speed > 0 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("a scene clock runs more than 0 and at most " + (long) MAX_SPEED
                    + " times as fast as real time, not " + speed);
        }
        this.realStart = Objects.requireNonNull(realStart, "realStart");
        this.sceneStart = Objects.requireNonNull(sceneStart, "sceneStart");
        this.speed = speed;
    }

    /** The scene shows the slot's own time: what a real camera would see. */
    public static SceneClock realTime() {
        return new SceneClock(Instant.EPOCH, Instant.EPOCH, 1);
    }

    /** Scene time is {@code sceneStart} at the real instant {@code realStart} and runs {@code speed} times as fast. */
    public static SceneClock accelerated(Instant realStart, Instant sceneStart, double speed) {
        return new SceneClock(realStart, sceneStart, speed);
    }

    /** A whole simulated day passes in {@code realDuration} ("a day in two minutes"), from {@code sceneStart}. */
    public static SceneClock dayIn(Duration realDuration, Instant realStart, Instant sceneStart) {
        if (realDuration.isNegative() || realDuration.isZero()) {
            throw new IllegalArgumentException("a simulated day needs a positive real duration, not " + realDuration);
        }
        return new SceneClock(realStart, sceneStart, ONE_DAY_SECONDS / seconds(realDuration));
    }

    /** The scene instant shown in the frame captured for {@code slot}. */
    public Instant sceneTime(Instant slot) {
        Duration sinceStart = Duration.between(realStart, slot);
        if (speed == 1) {
            return sceneStart.plus(sinceStart);
        }
        double sceneSeconds = seconds(sinceStart) * speed;
        double whole = Math.floor(sceneSeconds);
        long nanos = Math.round((sceneSeconds - whole) * 1e9);
        return sceneStart.plusSeconds((long) whole).plusNanos(nanos);
    }

    /** How many times as fast as real time the scene runs. */
    public double speed() {
        return speed;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    @Override
    public String toString() {
        return "SceneClock[" + sceneStart + " at " + realStart + ", x" + speed + "]";
    }
}
