package studio.timelapse.camera.store;

import java.io.IOException;
import studio.timelapse.shared.actionlog.ExpectedFailure;

/**
 * What the backend wrote is not a complete JPEG (empty, cut short, or not a JPEG at all). Nothing was kept and no
 * sequence number was used; the scheduler treats it as a failed capture (bad output) and tries again.
 */
public final class IncompleteFrameException extends IOException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;

    private final long size;

    IncompleteFrameException(String message, long size) {
        super(message);
        this.size = size;
    }

    /** How many bytes the rejected file had. */
    public long size() {
        return size;
    }
}
