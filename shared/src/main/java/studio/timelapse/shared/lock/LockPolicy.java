package studio.timelapse.shared.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * What to do when a lock is taken: {@linkplain #failNow() fail now}, {@linkplain #waitUpTo wait up to a bound}, or
 * {@linkplain #rescheduleAfter refuse with a hint} that the job runner uses to requeue the job. Whichever it is, a
 * refusal names every holder in the way.
 */
public final class LockPolicy {
    private final String name;
    private final Duration maxWait;
    private final Optional<Duration> retryAfter;

    private LockPolicy(String name, Duration maxWait, Optional<Duration> retryAfter) {
        this.name = name;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }

    /** One attempt; refused at once if the lock is taken. */
    public static LockPolicy failNow() {
        return new LockPolicy("fail_now", Duration.ZERO, Optional.empty());
    }

    /** Tries again (with backoff) until {@code bound} has passed, then refuses. */
    public static LockPolicy waitUpTo(Duration bound) {
        return new LockPolicy("wait_up_to " + describe(requirePositive(bound)), bound, Optional.empty());
    }

    /** One attempt; a refusal carries {@code delay} as its retry-after hint, for the job runner to requeue. */
    public static LockPolicy rescheduleAfter(Duration delay) {
        return new LockPolicy("reschedule_after " + describe(requirePositive(delay)), Duration.ZERO, Optional.of(delay));
    }

    /** How long an acquisition may keep trying; zero for one attempt. */
    public Duration maxWait() {
        return maxWait;
    }

    /** When to try again after a refusal, if the caller should reschedule. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** As the {@code lock:acquire} action logs it: {@code fail_now}, {@code wait_up_to 5 s}, {@code reschedule_after 1 min}. */
    @Override
    public String toString() {
        return name;
    }

    /** A duration for people: {@code 300 ms}, {@code 5 s}, {@code 2 min}, {@code 1.5 s}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static Duration requirePositive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lock policy's duration must be positive, was " + duration);
        }
        return duration;
    }
}
