package studio.timelapse.camera.capture;

import java.time.Instant;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * One frame to take.
 *
 * @param slot the scheduled instant this frame belongs to (start-to-start schedule)
 * @param deadline when the backend must have given up
 */
public record CaptureRequest(FrameSettings settings, Instant slot, Instant deadline) {}
