package studio.timelapse.shared.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which capture commands could fire now, and for each that cannot, every reason and remedy its {@code explain()}
 * gives ({@code GET /api/v1/capture/available}). Screens enable buttons from this and never re-implement the rules.
 *
 * @param available the wire names of the commands that could fire now
 * @param refused for every other command, its refusals in the {@link ErrorBody} shape (kind, code, reason, remedy,
 *     details)
 */
public record CaptureAvailability(List<String> available, Map<String, List<Map<String, Object>>> refused) {
    public CaptureAvailability {
        available = List.copyOf(available);
        refused = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }
}
