package studio.timelapse.desktop.render.pipeline;

/** A frame file that is not a JPEG we can decode: damaged, cut short, empty, or in a colour layout we do not read. */
final class UndecodableFrameException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean layoutOnly;

    private UndecodableFrameException(String reason, boolean layoutOnly) {
        super(reason);
        this.layoutOnly = layoutOnly;
    }

    /** The data is damaged or not a JPEG: no decoder will do better. */
    static UndecodableFrameException damaged(String reason) {
        return new UndecodableFrameException(reason, false);
    }

    /** The data may be fine, but this decoder does not hand out its pixel layout; another decoder may. */
    static UndecodableFrameException unsupportedLayout(String reason) {
        return new UndecodableFrameException(reason, true);
    }

    boolean layoutOnly() {
        return layoutOnly;
    }
}
