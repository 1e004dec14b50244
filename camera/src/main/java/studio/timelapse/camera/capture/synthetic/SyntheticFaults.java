package studio.timelapse.camera.capture.synthetic;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.camera.capture.CaptureException;

/**
 * Failures a test asks the synthetic camera to have, in order: each queued fault spoils exactly one capture, and a
 * capture with no fault queued works. A fault set with {@link #failUntilReset} spoils every capture until the camera
 * is reset, as an unplugged camera would. Safe to use from the test's thread while the camera captures on another.
 *
 * <pre>{@code
 * faults.failNext(2, Kind.BUSY).hangNext(1, Deadline.IGNORE);   // busy, busy, then a hang the watchdog must end
 * }</pre>
 */
public final class SyntheticFaults {

    /** What a hanging capture does about its deadline. */
    public enum Deadline {
        /** Sleeps until the deadline, then fails with {@link CaptureException.Kind#TIMEOUT}: a well-behaved backend. */
        HONOUR,
        /** Blocks until its thread is interrupted or the camera is closed: a hung camera only a watchdog can end. */
        IGNORE
    }

    /** What a corrupted capture writes, while reporting success as a confused camera would. */
    public enum Corruption {
        /** A file of zero bytes, as seen when a card fills up. */
        EMPTY,
        /** The first half of a real JPEG: it starts right but has no end marker. */
        TRUNCATED,
        /** Bytes that are not a JPEG at all. */
        NOT_A_JPEG
    }

    /** One queued fault; the camera acts on it. */
    sealed interface Fault {
        String describe();
    }

    record Fail(CaptureException.Kind kind) implements Fault {
        public String describe() {
            return "fail:" + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    record Hang(Deadline deadline) implements Fault {
        public String describe() {
            return "hang:" + deadline.name().toLowerCase(Locale.ROOT);
        }
    }

    record Corrupt(Corruption corruption) implements Fault {
        public String describe() {
            return "corrupt:" + corruption.name().toLowerCase(Locale.ROOT);
        }
    }

    record Slow(Duration delay) implements Fault {
        public String describe() {
            return "slow:" + delay.toMillis() + "ms";
        }
    }

    private final Deque<Fault> queued = new ArrayDeque<>();
    private CaptureException.Kind untilReset;

    /** The next {@code captures} captures fail with {@code kind}. */
    public synchronized SyntheticFaults failNext(int captures, CaptureException.Kind kind) {
        return queue(captures, new Fail(Objects.requireNonNull(kind, "kind")));
    }

    /** The next {@code captures} captures hang, honouring or ignoring their deadline. */
    public synchronized SyntheticFaults hangNext(int captures, Deadline deadline) {
        return queue(captures, new Hang(Objects.requireNonNull(deadline, "deadline")));
    }

    /** The next {@code captures} captures write a spoilt file and report success. */
    public synchronized SyntheticFaults corruptNext(int captures, Corruption corruption) {
        return queue(captures, new Corrupt(Objects.requireNonNull(corruption, "corruption")));
    }

    /**
     * The next {@code captures} captures take {@code delay} longer; one whose deadline comes first stops there and
     * fails with {@link CaptureException.Kind#TIMEOUT}.
     */
    public synchronized SyntheticFaults slowNext(int captures, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        return queue(captures, new Slow(delay));
    }

    /** Every capture fails with {@code kind} until the camera is reset; queued faults wait until then. */
    public synchronized SyntheticFaults failUntilReset(CaptureException.Kind kind) {
        untilReset = Objects.requireNonNull(kind, "kind");
        return this;
    }

    /** How many captures the queued faults will still spoil (not counting {@link #failUntilReset}). */
    public synchronized int pending() {
        return queued.size();
    }

    /** Forgets every fault, queued or until reset. */
    public synchronized void clear() {
        queued.clear();
        untilReset = null;
    }

    /** The fault for the capture starting now, if any; a queued one is used up. */
    synchronized Optional<Fault> next() {
        if (untilReset != null) {
            return Optional.of(new Fail(untilReset));
        }
        return Optional.ofNullable(queued.pollFirst());
    }

    synchronized void cameraReset() {
        untilReset = null;
    }

    private SyntheticFaults queue(int captures, Fault fault) {
        if (captures < 1) {
            throw new IllegalArgumentException("a fault spoils at least one capture, not " + captures);
        }
        for (int i = 0; i < captures; i++) {
            queued.addLast(fault);
        }
        return this;
    }
}
