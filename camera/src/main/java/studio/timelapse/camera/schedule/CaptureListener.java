package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * What the capture loop tells the rest of the agent: the camera's state (shown everywhere, with its reason), and each
 * frame. Called on the loop's thread; keep it quick.
 */
public interface CaptureListener {
    /** Frames are being taken. */
    default void capturing() {}

    /** Outside the capture window until {@code until} (empty: it never opens again). */
    default void waiting(String reason, Optional<Instant> until) {}

    /** Capture is paused by itself for {@code why}; it resumes when the reason goes away. */
    default void held(Refusal why) {}

    default void captured(Instant slot, Duration lateness) {}

    default void failed(Instant slot, Throwable error, int consecutiveFailures) {}

    /** Too many failures in a row: the camera is in error, and the loop keeps trying slowly. */
    default void faulted(String reason) {}

    /** A frame came through after a fault. */
    default void recovered() {}

    /** The run is over (limits reached, window closed for good, or stopped). */
    default void finished(String reason) {}
}
