package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.Convention;
import studio.timelapse.shared.actionlog.LogMessage;

/**
 * Shows the progress an action reports in the log: a bar redrawn in place on a terminal, a plain line now and then
 * otherwise (for logs and pipes). It reads the same {@code progress} messages every screen reads; it computes
 * nothing itself.
 */
final class ProgressPrinter implements AutoCloseable {
    private static final int BAR = 30;
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final AutoCloseable subscription;
    /** The tasks of the followed actions: their progress messages are the ones shown. */
    private final java.util.Set<String> tasks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long lastPlainNanos = Long.MIN_VALUE;
    private boolean drawn;
    /** While held, the latest progress message waits here instead of being shown. */
    private boolean held;
    private LogMessage waiting;

    private ProgressPrinter(ActionLog log, String actionType, PrintWriter out, boolean terminal, LongSupplier nanoClock,
            boolean held) {
        this.out = out;
        this.held = held;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.subscription = log.subscribe(message -> {
            if (actionType.equals(message.actionType().orElse(null))) {
                tasks.add(message.taskUuid());
            } else if (message.type().equals(Convention.PROGRESS) && tasks.contains(message.taskUuid())) {
                show(message);
            }
        });
    }

    /** Follows the progress of actions of {@code actionType} started in this process. */
    static ProgressPrinter follow(ActionLog log, String actionType, PrintWriter out) {
        return new ProgressPrinter(log, actionType, out, System.console() != null, System::nanoTime, false);
    }

    /**
     * Follows as {@link #follow} does from now on, but shows nothing until {@link #release}: for a command that
     * must subscribe before it submits its job, and names the job first.
     */
    static ProgressPrinter followHeld(ActionLog log, String actionType, PrintWriter out) {
        return new ProgressPrinter(log, actionType, out, System.console() != null, System::nanoTime, true);
    }

    /** Prints {@code line}, then the progress that arrived meanwhile (its latest state) and all that follows. */
    synchronized void release(String line) {
        out.println(line);
        out.flush();
        held = false;
        if (waiting != null) {
            show(waiting);
            waiting = null;
        }
    }

    private synchronized void show(LogMessage message) {
        if (held) {
            waiting = message;
            return;
        }
        long done = message.number(Convention.DONE).map(Double::longValue).orElse(0L);
        Optional<Long> total = message.number(Convention.TOTAL).map(Double::longValue);
        String unit = String.valueOf(message.get(Convention.UNIT));
        String rate = message.number(Convention.RATE).map(r -> String.format(Locale.ROOT, " %,.0f %s/s", r, unit))
                .orElse("");
        String eta = message.number(Convention.ETA_S).map(s -> " ETA " + JobsCommand.human(
                Duration.ofSeconds(s.longValue()))).orElse("");
        boolean finished = total.isPresent() && done >= total.get();
        if (terminal) {
            double fraction = total.filter(t -> t > 0).map(t -> Math.min(1.0, done / (double) t)).orElse(0.0);
            int filled = (int) Math.round(fraction * BAR);
            out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %,d/%s %s%s%s\033[K", "#".repeat(filled), " ".repeat(BAR - filled),
                    fraction * 100, done, total.map(t -> String.format(Locale.ROOT, "%,d", t)).orElse("?"), unit, rate,
                    eta);
            drawn = true;
        } else {
            long now = nanoClock.getAsLong();
            if (!finished && lastPlainNanos != Long.MIN_VALUE && now - lastPlainNanos < PLAIN_EVERY_NANOS) {
                return;
            }
            lastPlainNanos = now;
            out.printf(Locale.ROOT, "%,d/%s %s%s%s%n", done, total.map(t -> String.format(Locale.ROOT, "%,d", t))
                    .orElse("?"), unit, rate, eta);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // Unsubscribing from an in-memory list does not fail; nothing to report if it did.
        }
        if (drawn) {
            out.println();
            out.flush();
        }
    }
}
