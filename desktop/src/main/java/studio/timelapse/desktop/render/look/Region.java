package studio.timelapse.desktop.render.look;

/**
 * A rectangle of the source frame, in fractions of its width and height: {@code (0, 0, 1, 1)} is the whole frame.
 */
public record Region(double x, double y, double width, double height) {

    public static final Region WHOLE = new Region(0, 0, 1, 1);

    public Region {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a region needs a finite position and a positive size, not " + x + ", "
                    + y + ", " + width + "x" + height);
        }
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    /** Whether the region lies within the frame, allowing for rounding. */
    public boolean insideFrame() {
        double slack = 1e-9;
        return x >= -slack && y >= -slack && x + width <= 1 + slack && y + height <= 1 + slack;
    }

    /**
     * The largest region with the output's aspect ratio that fits the whole source frame, centred: what "crop to the
     * output's aspect" shows, and what zoom 1 of a {@link Viewport} covers.
     *
     * @param sourceAspect the source frame's width ÷ height, in pixels
     * @param outputAspect the output frame's width ÷ height, in pixels
     */
    public static Region fullCrop(double sourceAspect, double outputAspect) {
        if (outputAspect >= sourceAspect) {
            double height = sourceAspect / outputAspect;
            return new Region(0, (1 - height) / 2, 1, height);
        }
        double width = outputAspect / sourceAspect;
        return new Region((1 - width) / 2, 0, width, 1);
    }
}
