package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Objects;

/**
 * A frame brought in by an import (sequence {@code importSequenceId}), its file already written at {@code path}.
 *
 * @param width 0 when not known
 * @param height 0 when not known
 */
public record NewImportedFrame(long importSequenceId, Instant capturedAt, int utcOffsetSeconds, String sha256,
        long size, int width, int height, String path) {

    public NewImportedFrame {
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(path, "path");
        FrameRows.requireValid(sha256, size, width, height);
    }
}
