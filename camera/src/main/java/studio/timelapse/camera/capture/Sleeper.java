package studio.timelapse.camera.capture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How a backend waits between polls or attempts. Injected so that tests pass one that advances their manual clock:
 * what a backend decides by its deadline then no longer depends on how fast the machine runs.
 */
@FunctionalInterface
public interface Sleeper {
    /** Really waits: {@code Thread.sleep}. */
    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
