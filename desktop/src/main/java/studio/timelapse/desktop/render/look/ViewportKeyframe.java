package studio.timelapse.desktop.render.look;

import java.util.Objects;

/**
 * The viewport at one moment of the render.
 *
 * @param time where in the render, from 0 (the first frame) to 1 (the last)
 */
public record ViewportKeyframe(double time, Viewport viewport) {

    public ViewportKeyframe {
        Objects.requireNonNull(viewport, "viewport");
        if (!(time >= 0 && time <= 1)) {
            throw new IllegalArgumentException("a keyframe's time is 0 (first frame) to 1 (last frame), not " + time);
        }
    }

    /** A keyframe at frame {@code position} of a render of {@code frames} frames. */
    public static ViewportKeyframe atFrame(int position, int frames, Viewport viewport) {
        if (frames < 1 || position < 0 || position >= frames) {
            throw new IllegalArgumentException("frame " + position + " is not in a render of " + frames + " frames");
        }
        return new ViewportKeyframe(frames == 1 ? 0 : (double) position / (frames - 1), viewport);
    }
}
