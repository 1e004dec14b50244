package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.util.Optional;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.protocol.CameraLocation;

/**
 * Keeps where each camera stands as its agent is configured (the location its sun windows use), so that the studio's
 * daytime rules follow the camera's own sun. Learnt when the camera is paired and whenever its stream (re)connects.
 * A camera whose agent has no location keeps the one it had: a camera rarely moves, and nothing else sets it.
 */
final class CameraLocations {
    private final Library library;

    CameraLocations(Library library) {
        this.library = library;
    }

    /**
     * Asks the agent for its configured location and stores it if it differs from the library's; never throws — the
     * location is a detail the next connection learns again — but logs why it could not.
     */
    void learnFrom(String cameraId, AgentClient client) {
        try {
            Optional<CameraLocation> configured = client.config().location();
            if (configured.isEmpty()) {
                return;
            }
            GeoPosition position = configured.get().position();
            Cameras cameras = Cameras.of(library);
            Optional<GeoPosition> known = cameras.find(cameraId).flatMap(Camera::location);
            if (known.equals(Optional.of(position))) {
                return;
            }
            cameras.locate(cameraId, Optional.of(position));
            library.log().message("studio:cameras:located", "camera", cameraId, "latitude", position.latitude(),
                    "longitude", position.longitude(), "zone", configured.get().zone());
        } catch (IOException | RuntimeException e) {
            library.log().message("studio:cameras:locate_failed", "camera", cameraId, "exception",
                    e.getClass().getName(), "reason", String.valueOf(e.getMessage()));
        }
    }
}
