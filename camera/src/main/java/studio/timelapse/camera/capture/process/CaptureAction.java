package studio.timelapse.camera.capture.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * One frame as an action, the same for every backend: the slot and deadline when it starts, the frame's size and
 * exposure when it succeeds. When it fails, the partial file is removed (the target is a temporary file the backend
 * was given to fill) and the action fails with the reason.
 */
public final class CaptureAction {
    private CaptureAction() {}

    /** The work of one frame, done inside its action. */
    @FunctionalInterface
    public interface Frame {
        CaptureResult take(Action action) throws CaptureException, InterruptedException;
    }

    /**
     * Runs {@code frame} as the action {@code actionType} ({@code camera:rpicam:capture}).
     *
     * @param fields more fields for the start message, as {@code "key", value} pairs
     */
    public static CaptureResult run(ActionLog log, String actionType, CaptureRequest request, Path target,
            Frame frame, Object... fields) throws CaptureException, InterruptedException {
        List<Object> start = new ArrayList<>(Arrays.asList(fields));
        start.addAll(List.of("slot", request.slot(), "deadline", request.deadline()));
        try (Action action = log.start(actionType, start.toArray())) {
            try {
                CaptureResult result = frame.take(action);
                action.addSuccessFields("width", result.width(), "height", result.height(),
                        "exposure", result.exposure());
                return result;
            } catch (CaptureException | InterruptedException | RuntimeException e) {
                discard(target, action);
                action.fail(e);
                throw e;
            }
        }
    }

    private static void discard(Path target, Action action) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            action.log("camera:capture:discard_failed", "file", target, "reason", e.getMessage());
        }
    }
}
