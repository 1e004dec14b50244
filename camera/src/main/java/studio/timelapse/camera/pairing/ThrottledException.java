package studio.timelapse.camera.pairing;

import java.time.Duration;
import java.util.Map;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** A pairing attempt refused because its client tried too many wrong codes lately: HTTP 429 with Retry-After. */
public final class ThrottledException extends RefusedException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    ThrottledException(Duration retryAfter) {
        super(Refusal.of(Refusal.Kind.TOO_MANY_REQUESTS, "pairing.too_many_attempts",
                "Too many wrong pairing codes came from this address",
                "wait " + seconds(retryAfter) + " s, then enter the code the camera shows")
                .withDetails(Map.of("retry_after_s", seconds(retryAfter))));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as Retry-After counts them. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
