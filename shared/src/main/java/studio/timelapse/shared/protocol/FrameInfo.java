package studio.timelapse.shared.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored frame as the agent lists it. Capture time is UTC plus the camera's UTC offset at that moment, so that a
 * library shows local times correctly across time zones and DST changes.
 *
 * @param sha256 lower-case hex digest of the file: the frame's strong ETag and the studio's check after download
 * @param exposure what the camera used, as far as it tells: {@code shutter_s}, {@code gain}, {@code iso}, …
 * @param acknowledged whether the studio has confirmed it stored the frame (only then may retention delete it)
 */
public record FrameInfo(FrameId id, Instant capturedAt, int utcOffsetSeconds, long size, String sha256, int width,
        int height, Map<String, Object> exposure, boolean acknowledged) {

    public FrameInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capturedAt, "capturedAt");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits: " + sha256);
        }
        exposure = exposure == null ? Map.of() : Map.copyOf(exposure);
    }
}
