package studio.timelapse.desktop.cameras;

import java.util.Map;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** The refusals about cameras that several parts give, in one place so that they read alike. */
final class CameraRefusals {
    private CameraRefusals() {}

    static RefusedException unknown(String cameraId) {
        return new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "camera.unknown",
                "The library knows no camera " + cameraId,
                "list the cameras it knows with 'timelapse cameras list', or add one with 'timelapse cameras add"
                        + " HOST:PORT'").withDetails(Map.of("camera", cameraId)));
    }

    static Refusal notPaired(String cameraId, String name) {
        return Refusal.of(Refusal.Kind.GUARD, "camera.not_paired",
                "Camera '" + name + "' is not paired with this studio",
                "pair it with the code it shows: timelapse cameras pair " + cameraId + " --code CODE")
                .withDetails(Map.of("camera", cameraId));
    }
}
