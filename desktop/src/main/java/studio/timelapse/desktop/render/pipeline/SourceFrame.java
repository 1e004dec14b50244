package studio.timelapse.desktop.render.pipeline;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One JPEG to render, with what the library already knows about it.
 *
 * @param file the JPEG
 * @param frameId the library's frame id, if it is a library frame (for reports)
 * @param capturedAt when it was taken, with the offset of where it was taken; for the time overlay
 * @param meanLuma its mean luma, 0–255, as the library measured it at ingest; deflicker measures it if absent
 */
public record SourceFrame(Path file, OptionalLong frameId, Optional<OffsetDateTime> capturedAt,
        OptionalDouble meanLuma) {

    public SourceFrame {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(frameId, "frameId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(meanLuma, "meanLuma");
    }

    /** A file known by nothing but its path. */
    public static SourceFrame of(Path file) {
        return new SourceFrame(file, OptionalLong.empty(), Optional.empty(), OptionalDouble.empty());
    }

    public SourceFrame capturedAt(OffsetDateTime time) {
        return new SourceFrame(file, frameId, Optional.of(time), meanLuma);
    }

    public SourceFrame withMeanLuma(double luma) {
        return new SourceFrame(file, frameId, capturedAt, OptionalDouble.of(luma));
    }

    public SourceFrame withFrameId(long id) {
        return new SourceFrame(file, OptionalLong.of(id), capturedAt, meanLuma);
    }
}
