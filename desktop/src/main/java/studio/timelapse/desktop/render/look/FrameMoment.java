package studio.timelapse.desktop.render.look;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What an overlay knows about the frame it draws on.
 *
 * @param position the frame's place in the render, from 0
 * @param frames the render's length in frames
 * @param framesPerSecond the output's frame rate, for overlays timed in seconds
 * @param capturedAt when the frame was taken, with the offset of the place it was taken, if known
 */
public record FrameMoment(int position, int frames, double framesPerSecond, Optional<OffsetDateTime> capturedAt) {

    public FrameMoment {
        Objects.requireNonNull(capturedAt, "capturedAt");
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("a frame rate is positive, not " + framesPerSecond);
        }
    }

    /** Seconds from the start of the video to this frame. */
    public double seconds() {
        return position / framesPerSecond;
    }

    /** The video's length in seconds. */
    public double durationSeconds() {
        return frames / framesPerSecond;
    }
}
