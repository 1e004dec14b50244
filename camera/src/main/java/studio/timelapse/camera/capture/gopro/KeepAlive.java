package studio.timelapse.camera.capture.gopro;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Sends the keep-alive on its own thread at a steady interval, so that the camera neither sleeps nor drops its
 * Wi-Fi between frames. A failing keep-alive is logged once when the failures start
 * ({@code camera:gopro:keep_alive_failed}) and once when they end ({@code camera:gopro:keep_alive_restored}), not
 * every few seconds.
 */
final class KeepAlive implements AutoCloseable {
    private final ActionLog log;
    private final GoProClient client;
    private final ScheduledExecutorService timer;
    private int failuresInARow;

    KeepAlive(ActionLog log, GoProClient client, Duration interval) {
        this.log = log;
        this.client = client;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gopro-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::send, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send() {
        try {
            client.keepAlive();
            if (failuresInARow > 0) {
                log.message("camera:gopro:keep_alive_restored", "camera", client.base(), "failed", failuresInARow);
            }
            failuresInARow = 0;
        } catch (CaptureException e) {
            if (failuresInARow == 0) {
                log.message("camera:gopro:keep_alive_failed", "camera", client.base(), "reason", e.getMessage());
            }
            failuresInARow++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the keep-alive must outlive any one failure.
            log.message("camera:gopro:keep_alive_failed", "camera", client.base(), "reason", e.toString());
            failuresInARow++;
        }
    }

    /** Stops the timer and waits for a keep-alive under way to finish. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
