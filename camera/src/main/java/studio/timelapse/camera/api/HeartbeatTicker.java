package studio.timelapse.camera.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Puts a heartbeat on the event stream at a steady cadence while the server runs. */
final class HeartbeatTicker {
    private final EventHub hub;
    private final Duration interval;
    private ScheduledExecutorService timer;

    /** @param interval zero for no heartbeats */
    HeartbeatTicker(EventHub hub, Duration interval) {
        this.hub = hub;
        this.interval = interval;
    }

    synchronized void start() {
        if (interval.isZero() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "camera-api-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(hub::heartbeat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
