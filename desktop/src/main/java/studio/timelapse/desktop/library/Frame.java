package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.protocol.FrameId;

/**
 * A frame in the library.
 *
 * @param originSequenceId the camera stream or import it arrived by
 * @param cameraId the camera that took it, for synced frames
 * @param cameraFrameId its identity on that camera, for synced frames
 * @param path its file, relative to the library folder
 * @param width 0 while not known
 * @param height 0 while not known
 * @param ingested what ingest found, once it ran
 */
public record Frame(long id, long originSequenceId, Optional<String> cameraId, Optional<FrameId> cameraFrameId,
        Instant capturedAt, int utcOffsetSeconds, String sha256, long size, int width, int height, String path,
        boolean rejected, Instant addedAt, Optional<Ingested> ingested) {

    public Frame {
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(path, "path");
    }

    /** Where this frame stands in capture order, to continue a listing after it. */
    public FramePosition position() {
        return new FramePosition(capturedAt, id);
    }

    /** What ingest recorded. {@code histogram} has {@value FrameAnalysis#BINS} bins, darkest first. */
    public record Ingested(Instant at, double meanLuma, int[] histogram, Exposure exposure) {}
}
