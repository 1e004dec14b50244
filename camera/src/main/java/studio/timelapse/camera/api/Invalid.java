package studio.timelapse.camera.api;

import java.util.Map;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** The refusals for bad request input: kind INVALID (400), with the parameter or field at fault. */
final class Invalid {
    private Invalid() {}

    /** A refusal of one request parameter, header or body field, named in the {@code field} detail. */
    static Refusal input(String field, String code, String reason, String remedy) {
        return Refusal.of(Refusal.Kind.INVALID, code, reason, remedy).withDetails(Map.of("field", field));
    }

    static RefusedException refused(String field, String code, String reason, String remedy) {
        return new RefusedException(input(field, code, reason, remedy));
    }
}
