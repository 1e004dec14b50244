package studio.timelapse.desktop.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a frame was taken, as the camera wrote it: a local date and time (with sub-seconds where the camera gave
 * them) and, where the camera recorded it (EXIF OffsetTimeOriginal), its offset from UTC. Most cameras record no
 * offset; the caller then decides which zone the camera's clock was in.
 *
 * @param source which EXIF field it came from
 */
public record CaptureTime(LocalDateTime local, Optional<ZoneOffset> offset, Source source) {

    public enum Source { DATE_TIME_ORIGINAL, DATE_TIME_DIGITIZED, DATE_TIME }

    public CaptureTime {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(source, "source");
    }

    /** The instant, with the recorded offset, or else in {@code cameraZone}. */
    public Instant instant(ZoneId cameraZone) {
        return offset.map(local::toInstant).orElseGet(() -> local.atZone(cameraZone).toInstant());
    }

    /** The offset to store beside the instant: the recorded one, or {@code cameraZone}'s at that time. */
    public ZoneOffset offsetOr(ZoneId cameraZone) {
        return offset.orElseGet(() -> local.atZone(cameraZone).getOffset());
    }
}
