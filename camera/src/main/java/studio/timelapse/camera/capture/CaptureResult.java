package studio.timelapse.camera.capture;

import java.time.Instant;
import java.util.Map;

/**
 * What a backend reports about the frame it wrote.
 *
 * @param capturedAt when the exposure happened, by the agent's clock (a DSLR's EXIF time has no zone and a GoPro's
 *     clock drifts: backends report the camera's own time apart, as {@code camera_time} in {@code exposure})
 * @param exposure what the camera used: {@code shutter_s}, {@code gain}, {@code iso}, {@code aperture},
 *     {@code white_balance_k}, … — whatever it tells
 */
public record CaptureResult(Instant capturedAt, int width, int height, Map<String, Object> exposure) {
    public CaptureResult {
        exposure = exposure == null ? Map.of() : Map.copyOf(exposure);
    }
}
