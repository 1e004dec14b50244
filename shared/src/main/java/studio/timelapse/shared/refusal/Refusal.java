package studio.timelapse.shared.refusal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why something cannot be done now, and what to do about it: the one shape of every "no" — a transition in the wrong
 * state, an unmet guard, a lock held by other work, a missing permission, invalid input. The UI shows {@code reason}
 * and {@code remedy}; the HTTP layer answers 409 (or 400/403) with the same record.
 *
 * @param kind what sort of refusal this is
 * @param code a stable, machine-readable name ("camera.not_paired", "lock.held")
 * @param reason one sentence for a person: "Camera is offline since 14:02"
 * @param remedy what would make it possible, when we know: "check its power or network"
 * @param details facts behind it (the lock holder, the state, the free space), for screens and logs
 */
public record Refusal(Kind kind, String code, String reason, Optional<String> remedy, Map<String, Object> details) {

    /**
     * The sorts of refusal, each with its HTTP status. Declared from the most basic to the most circumstantial: when
     * several refusals answer one request, they are listed in this order and the first one's status is the answer's.
     */
    public enum Kind {
        /** The input itself is wrong. */
        INVALID(400),
        /** The caller did not say who it is, or its proof (a token) is not valid. */
        UNAUTHENTICATED(401),
        /** What the request names does not exist. */
        NOT_FOUND(404),
        /** The caller may not do this. */
        FORBIDDEN(403),
        /** The entity is in a state from which this transition does not start. */
        WRONG_STATE(409),
        /** A condition of the transition is not met. */
        GUARD(409),
        /** Other work holds a lock this needs. */
        LOCKED(409),
        /** Someone else changed the entity first. */
        CONFLICT(409),
        /** Too many attempts: wait before trying again. */
        TOO_MANY_REQUESTS(429);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        remedy = remedy == null ? Optional.empty() : remedy;
        // Kept in the caller's order (holder before since before progress) for people reading them; nulls allowed.
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public static Refusal of(Kind kind, String code, String reason) {
        return new Refusal(kind, code, reason, Optional.empty(), Map.of());
    }

    public static Refusal of(Kind kind, String code, String reason, String remedy) {
        return new Refusal(kind, code, reason, Optional.of(remedy), Map.of());
    }

    public Refusal withDetails(Map<String, Object> moreDetails) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.putAll(moreDetails);
        return new Refusal(kind, code, reason, remedy, all);
    }

    /** The refusal as plain values (maps, lists, strings), for the action log and JSON answers. */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", kind.name());
        fields.put("code", code);
        fields.put("reason", reason);
        remedy.ifPresent(text -> fields.put("remedy", text));
        fields.put("details", details);
        return fields;
    }

    /** "reason — remedy", as a tooltip or a console line shows it. */
    public String describe() {
        return remedy.map(r -> reason + " — " + r).orElse(reason);
    }
}
