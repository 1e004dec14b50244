package studio.timelapse.desktop.render.look;

/**
 * Where the output looks in the source frame: the centre, in fractions of the source's width and height, and the
 * zoom. Zoom 1 is the largest view with the output's aspect ratio that fits the source ({@link Region#fullCrop}); zoom
 * 2 shows half its width and height. A viewport never leaves the frame: {@link #region} clamps the zoom to at least 1
 * and then slides the view inside.
 */
public record Viewport(double centreX, double centreY, double zoom) {

    /** The largest zoom: a view 1/64 of the full crop across, far past where the source's pixels run out. */
    public static final double MAX_ZOOM = 64;

    public Viewport {
        if (!Double.isFinite(centreX) || !Double.isFinite(centreY) || !(zoom > 0) || Double.isInfinite(zoom)) {
            throw new IllegalArgumentException("a viewport needs a finite centre and a positive zoom, not (" + centreX
                    + ", " + centreY + ") at " + zoom);
        }
    }

    /** The whole crop, centred. */
    public static Viewport full() {
        return new Viewport(0.5, 0.5, 1);
    }

    /**
     * The viewport showing {@code wanted} as closely as the output's aspect ratio allows: the same centre, and the
     * largest view with the output's aspect that fits inside {@code wanted}.
     */
    public static Viewport showing(Region wanted, double sourceAspect, double outputAspect) {
        Region full = Region.fullCrop(sourceAspect, outputAspect);
        double zoom = Math.max(full.width() / wanted.width(), full.height() / wanted.height());
        return new Viewport(wanted.centreX(), wanted.centreY(), zoom);
    }

    /** The region this viewport shows of a source with the given aspect, clamped to stay inside the frame. */
    public Region region(double sourceAspect, double outputAspect) {
        Region full = Region.fullCrop(sourceAspect, outputAspect);
        double clampedZoom = Math.max(1, Math.min(MAX_ZOOM, zoom));
        double width = full.width() / clampedZoom;
        double height = full.height() / clampedZoom;
        double x = Math.max(0, Math.min(1 - width, centreX - width / 2));
        double y = Math.max(0, Math.min(1 - height, centreY - height / 2));
        return new Region(x, y, width, height);
    }
}
