package studio.timelapse.shared.protocol;

import java.util.List;
import java.util.Map;
import studio.timelapse.shared.refusal.Refusal;

/**
 * Every 4xx/5xx answer's JSON body: one message for people, and the refusals behind it (kind, code, reason, remedy,
 * details), the same records that {@code explain()} gives.
 */
public record ErrorBody(int status, String message, List<Map<String, Object>> refusals) {

    public static ErrorBody of(int status, String message) {
        return new ErrorBody(status, message, List.of());
    }

    public static ErrorBody of(int status, List<Refusal> refusals) {
        String message = String.join("; ", refusals.stream().map(Refusal::describe).toList());
        return new ErrorBody(status, message, refusals.stream().map(Refusal::toFields).toList());
    }
}
