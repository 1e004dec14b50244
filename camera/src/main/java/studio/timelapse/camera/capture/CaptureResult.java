package studio.timelapse.camera.capture;

import java.time.Instant;
import java.util.Map;

/**
 * What a backend reports about the frame it wrote.
 *
 * @param capturedAt when the exposure happened, as well as the backend knows (the camera's clock for a GoPro or a
 *     DSLR, else the moment the capture returned)
 * @param exposure what the camera used: {@code shutter_s}, {@code gain}, {@code iso}, {@code aperture},
 *     {@code white_balance_k}, … — whatever it tells
 */
public record CaptureResult(Instant capturedAt, int width, int height, Map<String, Object> exposure) {
    public CaptureResult {
        exposure = exposure == null ? Map.of() : Map.copyOf(exposure);
    }
}
