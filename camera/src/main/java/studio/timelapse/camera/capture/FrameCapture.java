package studio.timelapse.camera.capture;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import studio.timelapse.camera.schedule.SlotRunner;
import studio.timelapse.camera.schedule.Watchdog;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.camera.store.PendingFrame;
import studio.timelapse.camera.store.Retention;
import studio.timelapse.camera.store.RetentionOutcome;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.refusal.Refusal;

/**
 * One frame from the camera into the store: retention first (a full disk of unsynced frames holds capture), then the
 * backend writes into the store's incoming file under the watchdog, then the store verifies, syncs, renames and
 * indexes it. Scheduled slots and "capture now" share the camera one at a time.
 */
public final class FrameCapture implements SlotRunner, AutoCloseable {
    private final CameraBackend backend;
    private final FrameStore store;
    private final Retention retention;
    private final Function<Instant, FrameSettings> settings;
    private final Duration timeout;
    private final Clock clock;
    private final ActionLog log;
    private final Consumer<FrameInfo> stored;
    private final Watchdog watchdog;
    private final ReentrantLock camera = new ReentrantLock();

    /**
     * @param settings each frame's settings for its slot (fixed, or from the exposure ramp)
     * @param timeout how long one capture may take before the watchdog kills it and resets the camera
     * @param stored told of every stored frame (the event stream, the LED)
     */
    public FrameCapture(CameraBackend backend, FrameStore store, Retention retention,
            Function<Instant, FrameSettings> settings, Duration timeout, Clock clock, ActionLog log,
            Consumer<FrameInfo> stored) {
        this.backend = backend;
        this.store = store;
        this.retention = retention;
        this.settings = settings;
        this.timeout = timeout;
        this.clock = clock;
        this.log = log;
        this.stored = stored;
        this.watchdog = new Watchdog(backend.name());
    }

    @Override
    public Optional<Refusal> hold() {
        try {
            RetentionOutcome outcome = retention.run();
            return outcome.pause();
        } catch (IOException e) {
            return Optional.of(Refusal.of(Refusal.Kind.GUARD, "store.retention_failed",
                    "Could not make room for frames: " + e.getMessage(), "check the camera's storage"));
        }
    }

    @Override
    public void capture(Instant slot) throws Exception {
        take(slot);
    }

    /** Takes one frame now, outside the schedule ("capture now"), waiting for a scheduled capture under way. */
    public FrameInfo captureNow() throws Exception {
        Optional<Refusal> held = hold();
        if (held.isPresent()) {
            throw new studio.timelapse.shared.refusal.RefusedException(held.get());
        }
        return take(clock.instant());
    }

    /**
     * A small frame for a person to look at now, never stored: taken like any frame (sharing the camera with the
     * schedule, under the watchdog), read back and thrown away.
     */
    public byte[] preview(FrameSettings small) throws Exception {
        camera.lockInterruptibly();
        try {
            Instant now = clock.instant();
            CaptureRequest request = new CaptureRequest(small, now, now.plus(timeout));
            PendingFrame pending = store.begin();
            try {
                watchdog.run(log.wrap(() -> backend.capture(request, pending.file())), timeout, () -> resetQuietly(now));
                return java.nio.file.Files.readAllBytes(pending.file());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                store.abandon(pending);
            }
        } finally {
            camera.unlock();
        }
    }

    private FrameInfo take(Instant slot) throws Exception {
        camera.lockInterruptibly();
        try {
            CaptureRequest request = new CaptureRequest(settings.apply(slot), slot, clock.instant().plus(timeout));
            PendingFrame pending = store.begin();
            CaptureResult result;
            try {
                result = watchdog.run(log.wrap(() -> backend.capture(request, pending.file())), timeout,
                        () -> resetQuietly(slot));
            } catch (TimeoutException e) {
                store.abandon(pending);
                throw new CaptureException(CaptureException.Kind.TIMEOUT, backend.name() + " gave no frame within "
                        + timeout.toMillis() + " ms; the camera was reset");
            } catch (ExecutionException e) {
                store.abandon(pending);
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (InterruptedException | RuntimeException e) {
                store.abandon(pending);
                throw e;
            }
            FrameInfo info = store.commit(pending, request, result);
            stored.accept(info);
            return info;
        } finally {
            camera.unlock();
        }
    }

    private void resetQuietly(Instant slot) {
        try {
            backend.reset();
        } catch (CaptureException | RuntimeException e) {
            log.message("camera:capture:reset_failed", "slot", slot.toString(), "reason", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hung workers the watchdog gave up on (a sign the camera's driver is stuck). */
    public long abandonedWorkers() {
        return watchdog.abandonedWorkers();
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
