package studio.timelapse.shared.job;

import java.time.Instant;
import java.util.Optional;

/**
 * How a job is submitted: an idempotency key (the same key returns the existing job), a priority (higher runs
 * first within its queue), and an earliest start.
 */
public record SubmitOptions(Optional<String> idempotencyKey, int priority, Optional<Instant> notBefore) {

    public static SubmitOptions defaults() {
        return new SubmitOptions(Optional.empty(), 0, Optional.empty());
    }

    public static SubmitOptions key(String idempotencyKey) {
        return defaults().withKey(idempotencyKey);
    }

    public SubmitOptions withKey(String key) {
        return new SubmitOptions(Optional.of(key), priority, notBefore);
    }

    public SubmitOptions withPriority(int newPriority) {
        return new SubmitOptions(idempotencyKey, newPriority, notBefore);
    }

    public SubmitOptions notBefore(Instant when) {
        return new SubmitOptions(idempotencyKey, priority, Optional.of(when));
    }
}
