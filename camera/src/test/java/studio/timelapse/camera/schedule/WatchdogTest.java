package studio.timelapse.camera.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A hung capture never hangs the schedule. */
class WatchdogTest {
    private final Watchdog watchdog = new Watchdog("test");

    @AfterEach
    void close() {
        watchdog.close();
    }

    @Test
    void returnsWhatTheCaptureReturns() throws Exception {
        assertThat(watchdog.run(() -> "frame", Duration.ofSeconds(5), () -> { })).isEqualTo("frame");
    }

    @Test
    void passesOnWhatTheCaptureThrew() {
        assertThatThrownBy(() -> watchdog.run(() -> {
            throw new IllegalStateException("no cameras available");
        }, Duration.ofSeconds(5), () -> { })).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("no cameras available");
    }

    @Test
    void aCaptureThatOverrunsItsDeadlineIsInterruptedAndTheCameraReset() throws Exception {
        AtomicBoolean reset = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThatThrownBy(() -> watchdog.run(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        }, Duration.ofMillis(100), () -> reset.set(true))).isInstanceOf(TimeoutException.class);
        assertThat(reset).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(watchdog.abandonedWorkers()).isZero();
        assertThat(watchdog.run(() -> "next frame", Duration.ofSeconds(5), () -> { })).isEqualTo("next frame");
    }

    @Test
    void aCaptureDeafToInterruptsIsAbandonedForAFreshWorker() throws Exception {
        AtomicInteger stuck = new AtomicInteger();
        AtomicBoolean release = new AtomicBoolean();
        assertThatThrownBy(() -> watchdog.run(() -> {
            stuck.incrementAndGet();
            while (!release.get()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ignored) {
                    // Deaf, like a thread blocked in a native read.
                }
            }
            return null;
        }, Duration.ofMillis(100), () -> { })).isInstanceOf(TimeoutException.class);
        assertThat(watchdog.abandonedWorkers()).isEqualTo(1);
        assertThat(watchdog.run(() -> "next frame", Duration.ofSeconds(5), () -> { })).isEqualTo("next frame");
        release.set(true);
    }

    @Test
    void aStoppedCallerReturnsOnlyOnceTheCaptureHasStoppedSoItCanCleanUpAfterIt() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        AtomicBoolean fileWritten = new AtomicBoolean();
        AtomicReference<Throwable> callerGot = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                watchdog.run(() -> {
                    rendering.countDown();
                    long until = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // rendering, which does not look at interrupts
                    }
                    fileWritten.set(true);
                    return null;
                }, Duration.ofSeconds(60), () -> { });
            } catch (Throwable e) {
                callerGot.set(e);
            }
            assertThat(fileWritten).as("the task's file was written before the caller went on").isTrue();
        });
        AtomicReference<Throwable> failed = new AtomicReference<>();
        caller.setUncaughtExceptionHandler((thread, e) -> failed.set(e));
        caller.start();
        rendering.await();
        caller.interrupt();
        caller.join();
        assertThat(failed.get()).isNull();
        assertThat(callerGot.get()).isInstanceOf(InterruptedException.class);
    }
}
