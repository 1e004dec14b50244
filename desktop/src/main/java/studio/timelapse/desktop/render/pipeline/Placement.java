package studio.timelapse.desktop.render.pipeline;

import java.util.Optional;
import studio.timelapse.desktop.render.look.Region;
import studio.timelapse.desktop.render.look.ViewportPath;

/**
 * Where a source frame lands in the output: which region of the source (in fractions of it) is scaled into which
 * rectangle of the output frame (in pixels); the rest of the output is black.
 */
record Placement(Region source, int x, int y, int width, int height) {

    /**
     * The placement of the frame at {@code position} of {@code frames}: a keyframed viewport if there is one (it always
     * fills the frame), else the framing's.
     */
    static Placement of(int sourceWidth, int sourceHeight, FrameSize output, Framing framing,
            Optional<ViewportPath> viewport, int position, int frames) {
        double sourceAspect = (double) sourceWidth / sourceHeight;
        if (viewport.isPresent()) {
            Region region = viewport.get().regionAtFrame(position, frames, sourceAspect, output.aspect());
            return new Placement(region, 0, 0, output.width(), output.height());
        }
        if (framing == Framing.CROP) {
            return new Placement(Region.fullCrop(sourceAspect, output.aspect()), 0, 0, output.width(), output.height());
        }
        return fit(sourceAspect, output);
    }

    /** The whole source, as large as fits, centred; sides and offsets even so that 4:2:0 chroma blocks never straddle a bar's edge. */
    private static Placement fit(double sourceAspect, FrameSize output) {
        if (sourceAspect >= output.aspect()) {
            int height = Math.max(2, Math.min(output.height(), even(output.width() / sourceAspect)));
            return new Placement(Region.WHOLE, 0, even((output.height() - height) / 2.0), output.width(), height);
        }
        int width = Math.max(2, Math.min(output.width(), even(output.height() * sourceAspect)));
        return new Placement(Region.WHOLE, even((output.width() - width) / 2.0), 0, width, output.height());
    }

    private static int even(double value) {
        return 2 * (int) Math.round(value / 2);
    }

    boolean fillsFrame(FrameSize output) {
        return x == 0 && y == 0 && width == output.width() && height == output.height();
    }
}
