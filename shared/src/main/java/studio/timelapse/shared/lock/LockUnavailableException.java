package studio.timelapse.shared.lock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * A lock could not be had under the caller's policy. Its {@link #refusal()} is the one shape of every "no"
 * ({@link Refusal.Kind#LOCKED}, code {@value #CODE}), naming every conflicting holder; the same facts are here typed,
 * for the job runner ({@link #retryAfter()}) and for screens ({@link #holders()}).
 */
public final class LockUnavailableException extends RefusedException {
    public static final String CODE = "lock.held";
    private static final long serialVersionUID = 1L;

    private final transient LockName lock;
    private final transient List<LockHolder> holders;
    private final transient Duration waited;
    private final transient Optional<Duration> retryAfter;

    LockUnavailableException(LockName lock, List<LockHolder> holders, LockPolicy policy, Duration waited) {
        super(refusal(lock, holders, policy, waited));
        this.lock = lock;
        this.holders = List.copyOf(holders);
        this.waited = waited;
        this.retryAfter = policy.retryAfter();
    }

    public Refusal refusal() {
        return refusals().get(0);
    }

    /** The lock asked for. */
    public LockName lock() {
        return lock;
    }

    /** Every live lease that stood in the way, oldest first. */
    public List<LockHolder> holders() {
        return holders;
    }

    /** How long the caller waited before this refusal. */
    public Duration waited() {
        return waited;
    }

    /** When to try again, if the policy was to reschedule. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /**
     * Details: the requested {@code lock}; the first holder's facts at the top level ({@code holder},
     * {@code holder_process}, {@code held_lock}, {@code since}, {@code fence}, {@code expires_at}, {@code progress})
     * and every holder's under {@code holders}; {@code waited_ms}; {@code retry_after_ms} when rescheduling.
     */
    private static Refusal refusal(LockName lock, List<LockHolder> holders, LockPolicy policy, Duration waited) {
        if (holders.isEmpty()) {
            throw new IllegalArgumentException("a lock refusal names at least one holder");
        }
        String who = holders.stream().map(LockHolder::holder).distinct().collect(Collectors.joining(", "));
        String reason = lock + " is taken: "
                + holders.stream().map(LockHolder::describe).collect(Collectors.joining("; "));
        String remedy = policy.retryAfter().map(delay -> "try again in " + LockPolicy.describe(delay))
                .orElse((policy.maxWait().isZero() ? "" : "waited " + LockPolicy.describe(waited) + "; ")
                        + "try again once " + who + " is done");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lock", lock.toString());
        details.putAll(holders.get(0).details());
        details.put("holders", holders.stream().map(LockHolder::details).toList());
        details.put("waited_ms", waited.toMillis());
        policy.retryAfter().ifPresent(delay -> details.put("retry_after_ms", delay.toMillis()));
        return new Refusal(Refusal.Kind.LOCKED, CODE, reason, Optional.of(remedy), details);
    }
}
