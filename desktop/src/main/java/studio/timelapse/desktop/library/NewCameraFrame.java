package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Objects;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * A frame synced from a camera, its file already written at {@code path} (relative to the library folder).
 *
 * @param width 0 when not known
 * @param height 0 when not known
 */
public record NewCameraFrame(FrameId id, Instant capturedAt, int utcOffsetSeconds, String sha256, long size,
        int width, int height, String path) {

    public NewCameraFrame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(path, "path");
        FrameRows.requireValid(sha256, size, width, height);
    }

    /** The frame as the agent listed it, stored at {@code path}. */
    public static NewCameraFrame of(FrameInfo info, String path) {
        return new NewCameraFrame(info.id(), info.capturedAt(), info.utcOffsetSeconds(), info.sha256(), info.size(),
                info.width(), info.height(), path);
    }
}
