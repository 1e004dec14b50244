package studio.timelapse.desktop.ui.cameras;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.ui.log.RemoteTaskLogs;
import studio.timelapse.shared.actionlog.EliotJson;
import studio.timelapse.shared.actionlog.LogMessage;

/**
 * The cameras' parts of a task, read from each camera's log ({@code GET /api/v1/logs/{task}}) for the log explorer:
 * from the cameras the studio's part names, or — for a task the studio never saw, such as a camera's own error — from
 * every paired camera. A camera that does not answer is skipped; only when none does is that the answer.
 */
public final class CameraTaskLogs implements RemoteTaskLogs {
    private static final List<String> CAMERA_FIELDS = List.of("camera", "camera_id");

    private final CameraServices cameras;
    private final EliotJson json = new EliotJson();

    public CameraTaskLogs(CameraServices cameras) {
        this.cameras = cameras;
    }

    @Override
    public List<LogMessage> messages(String taskUuid, List<LogMessage> local) throws IOException {
        Set<String> named = new LinkedHashSet<>();
        for (LogMessage message : local) {
            CAMERA_FIELDS.forEach(field -> message.text(field).ifPresent(named::add));
        }
        List<Camera> asked = Cameras.of(cameras.library()).all().stream().filter(Camera::paired)
                .filter(camera -> local.isEmpty() || named.contains(camera.id())).toList();
        List<LogMessage> found = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (Camera camera : asked) {
            try {
                for (String line : cameras.clients().client(camera).taskLog(taskUuid)) {
                    try {
                        found.add(json.parse(line));
                    } catch (IllegalArgumentException notAMessage) {
                        // A line cut short in the camera's log: the rest of the task still shows.
                    }
                }
            } catch (IOException | RuntimeException e) {
                silent.add(camera.name() + " (" + e.getMessage() + ")");
            }
        }
        if (found.isEmpty() && !silent.isEmpty()) {
            throw new IOException("no answer from " + String.join(", ", silent));
        }
        return found;
    }
}
