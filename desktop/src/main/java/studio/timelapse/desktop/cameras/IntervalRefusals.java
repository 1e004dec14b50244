package studio.timelapse.desktop.cameras;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The least interval between frames a camera can keep, read from its refusal {@code config.interval_too_short}
 * (detail {@code min_interval_ms}; docs/protocol.md) — given on its own or among the {@code problems} of a
 * {@code camera.config_invalid} refusal. The demo takes that interval rather than show nothing.
 */
public final class IntervalRefusals {
    public static final String INTERVAL_TOO_SHORT = "config.interval_too_short";

    private IntervalRefusals() {}

    /**
     * The least interval in milliseconds among {@code refusals}: {@link Refusal}s or their wire form (maps with
     * {@code code} and {@code details}). Empty when none of them is about the interval.
     */
    public static Optional<Long> leastIntervalMillis(Collection<?> refusals) {
        for (Object each : refusals) {
            String code;
            Object details;
            if (each instanceof Refusal refusal) {
                code = refusal.code();
                details = refusal.details();
            } else if (each instanceof Map<?, ?> refusal) {
                code = String.valueOf(refusal.get("code"));
                details = refusal.get("details");
            } else {
                continue;
            }
            if (!(details instanceof Map<?, ?> fields)) {
                continue;
            }
            if (INTERVAL_TOO_SHORT.equals(code) && fields.get("min_interval_ms") instanceof Number least) {
                return Optional.of(least.longValue());
            }
            if (fields.get("problems") instanceof List<?> problems) {
                Optional<Long> nested = leastIntervalMillis(problems);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
