package studio.timelapse.desktop.render.look;

import java.awt.Graphics2D;

/** Something drawn onto every output frame after the frame is otherwise finished. */
public interface Overlay {

    /**
     * Draws onto a frame of {@code width} x {@code height} pixels; {@code g} has antialiasing on and is disposed by
     * the caller.
     */
    void paint(Graphics2D g, int width, int height, FrameMoment moment);
}
