package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.ProgressReporter;
import studio.timelapse.shared.refusal.Refusal;

/**
 * Takes frames on schedule until the plan ends or it is stopped: start to start on the interval grid, inside the
 * window, within the limits. A slot missed because a capture ran long is skipped and logged, never queued up. One
 * failed frame never ends the run; after {@code faultAfter} failures in a row the camera is in error (with the
 * reason) and the loop keeps trying at most every {@code faultRetry}, so it recovers by itself.
 *
 * <p>The run is one action ({@code camera:capture:run}) with a heartbeat; each slot is a child action.
 */
public final class CaptureLoop implements AutoCloseable {
    private final CapturePlan plan;
    private final SlotRunner runner;
    private final SlotTimer timer;
    private final ActionLog log;
    private final CaptureListener listener;
    private final Settings settings;
    private Thread thread;
    private volatile boolean stopping;

    /**
     * @param lateTolerance a slot whose start is later than this is counted as missed and skipped
     * @param faultAfter consecutive failures that put the camera in error
     * @param faultRetry the least time between attempts while in error
     * @param heartbeat the run action's heartbeat interval
     */
    public record Settings(Duration lateTolerance, int faultAfter, Duration faultRetry, Duration heartbeat) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(250), 5, Duration.ofSeconds(30), Duration.ofSeconds(30));
        }
    }

    public CaptureLoop(CapturePlan plan, SlotRunner runner, SlotTimer timer, ActionLog log, CaptureListener listener,
            Settings settings) {
        this.plan = plan;
        this.runner = runner;
        this.timer = timer;
        this.log = log;
        this.listener = listener;
        this.settings = settings;
    }

    /** Starts the loop on a thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the capture loop is already running");
        }
        thread = new Thread(this::run, "capture-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the loop on the calling thread until the plan ends or {@link #close()} (virtual-time tests use this). */
    public void run() {
        Instant startedAt = timer.now();
        IntervalGrid grid = plan.grid();
        try (Action run = log.startTask("camera:capture:run", "interval_s", grid.interval().toMillis() / 1000.0,
                "window", plan.window().describe(), "max_frames", plan.limits().maxFrames().orElse(null))) {
            run.heartbeat(settings.heartbeat());
            ProgressReporter progress = run.progress(plan.limits().maxFrames().orElse(-1L), "frames");
            State state = new State();
            String end = loop(grid, startedAt, run, progress, state);
            run.addSuccessFields("frames", state.frames, "failures", state.failures, "missed_slots", state.missed,
                    "ended", end);
            if (!stopping) {
                // A stop asked from outside is that caller's news; the loop reports only endings of its own.
                listener.finished(end);
            }
        }
    }

    /** Counters of one run. */
    private static final class State {
        long frames;
        long failures;
        long missed;
        int consecutiveFailures;
        boolean faulted;
        Instant lastAttempt;
        Optional<String> holdCode = Optional.empty();
        boolean announcedCapturing;
    }

    private String loop(IntervalGrid grid, Instant startedAt, Action run, ProgressReporter progress, State state) {
        Instant after = null;
        while (!stopping) {
            Instant now = timer.now();
            Instant from = after == null ? now : max(now, grid.slotAfter(after));
            if (state.faulted && state.lastAttempt != null) {
                from = max(from, state.lastAttempt.plus(settings.faultRetry()));
            }
            Optional<Instant> next = plan.nextSlot(from);
            if (next.isEmpty()) {
                return "the capture window does not open again (" + plan.window().describe() + ")";
            }
            Instant slot = next.get();
            Optional<String> limit = plan.limits().reached(state.frames, startedAt, slot);
            if (limit.isPresent()) {
                return limit.get();
            }
            boolean windowClosed = !plan.window().isOpen(now) || slot.isAfter(now.plus(grid.interval()));
            if (windowClosed && !state.faulted) {
                listener.waiting("outside " + plan.window().describe(), Optional.of(slot));
                state.announcedCapturing = false;
            }
            try {
                timer.sleepUntil(slot);
            } catch (InterruptedException e) {
                return "stopped";
            }
            if (stopping) {
                return "stopped";
            }
            Duration lateness = Duration.between(slot, timer.now());
            if (lateness.compareTo(settings.lateTolerance()) > 0) {
                state.missed++;
                run.log("camera:capture:slot_missed", "slot", slot.toString(), "late_ms", lateness.toMillis());
                after = slot;
                continue;
            }
            if (holding(run, state)) {
                after = slot;
                continue;
            }
            if (!state.announcedCapturing && !state.faulted) {
                listener.capturing();
                state.announcedCapturing = true;
            }
            attempt(slot, lateness, run, progress, state);
            long skipped = grid.slotsBetween(slot, timer.now());
            if (skipped > 0) {
                state.missed += skipped;
                run.log("camera:capture:slots_skipped", "after_slot", slot.toString(), "count", skipped,
                        "reason", "the capture took longer than the interval");
            }
            after = slot;
        }
        return "stopped";
    }

    /** Asks the runner whether capture must pause; tells the listener once per hold, and once when it ends. */
    private boolean holding(Action run, State state) {
        Optional<Refusal> hold = runner.hold();
        if (hold.isPresent()) {
            if (!state.holdCode.equals(Optional.of(hold.get().code()))) {
                state.holdCode = Optional.of(hold.get().code());
                run.log("camera:capture:held", "refusal", hold.get().toFields());
                listener.held(hold.get());
                state.announcedCapturing = false;
            }
            return true;
        }
        if (state.holdCode.isPresent()) {
            run.log("camera:capture:hold_ended", "code", state.holdCode.get());
            state.holdCode = Optional.empty();
        }
        return false;
    }

    private void attempt(Instant slot, Duration lateness, Action run, ProgressReporter progress, State state) {
        state.lastAttempt = slot;
        try (Action frame = run.startChild("camera:capture:slot", "slot", slot.toString(),
                "late_ms", lateness.toNanos() / 1e6)) {
            try {
                runner.capture(slot);
            } catch (Exception e) {
                frame.fail(e);
                failed(slot, e, run, state);
                return;
            }
        }
        state.frames++;
        progress.advance(1);
        state.consecutiveFailures = 0;
        listener.captured(slot, lateness);
        if (state.faulted) {
            state.faulted = false;
            run.log("camera:capture:recovered", "slot", slot.toString());
            listener.recovered();
            listener.capturing();
            state.announcedCapturing = true;
        }
    }

    private void failed(Instant slot, Exception error, Action run, State state) {
        state.failures++;
        state.consecutiveFailures++;
        listener.failed(slot, error, state.consecutiveFailures);
        if (!state.faulted && state.consecutiveFailures >= settings.faultAfter()) {
            state.faulted = true;
            String reason = state.consecutiveFailures + " captures failed in a row; the last: "
                    + Objects.toString(error.getMessage(), error.getClass().getSimpleName());
            run.log("camera:capture:faulted", Map.of("reason", reason, "retry_every_s",
                    settings.faultRetry().toMillis() / 1000.0));
            listener.faulted(reason);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Stops the loop after the capture under way, if any, and waits for it. */
    @Override
    public void close() {
        stopping = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
