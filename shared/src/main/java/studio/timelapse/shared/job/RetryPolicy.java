package studio.timelapse.shared.job;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import studio.timelapse.shared.db.DatabaseException;

/**
 * Which failures are worth another attempt, how many attempts, and how long to wait between them (doubling from
 * {@code firstDelay} up to {@code maxDelay}). Permanent failures fail the job at once with their reason.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Predicate<Throwable> transientFailure) {

    /** SQLite result codes that pass with time: busy, locked. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Five attempts, 2 s doubling to 5 min; I/O errors, a busy database and {@link TransientJobException} retry. */
    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(5), RetryPolicy::isTransientByDefault);
    }

    public static RetryPolicy never() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, failure -> false);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, firstDelay, maxDelay, transientFailure);
    }

    public RetryPolicy withDelays(Duration first, Duration max) {
        return new RetryPolicy(maxAttempts, first, max, transientFailure);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed. */
    public Duration delayAfter(int attempt) {
        long millis = firstDelay.toMillis();
        for (int i = 1; i < attempt && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    public boolean retries(Throwable failure, int attemptsSoFar) {
        return attemptsSoFar < maxAttempts && transientFailure.test(failure);
    }

    private static boolean isTransientByDefault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientJobException || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof DatabaseException db
                    && (db.sqliteCode() == SQLITE_BUSY || db.sqliteCode() == SQLITE_LOCKED)) {
                return true;
            }
        }
        return false;
    }
}
