package studio.timelapse.desktop.sync;

import studio.timelapse.shared.protocol.FrameId;

/**
 * A listed frame that cannot be had: deleted on the camera meanwhile, or whose file on the camera no longer matches
 * its recorded SHA-256 however often it is fetched. Sync goes on past it, does not store it and never acknowledges it
 * (so the camera keeps whatever it has of it).
 */
final class FrameUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    enum Why { GONE, CORRUPT_ON_CAMERA }

    private final FrameId frame;
    private final Why why;

    FrameUnavailableException(FrameId frame, Why why, String message) {
        super(message);
        this.frame = frame;
        this.why = why;
    }

    FrameId frame() {
        return frame;
    }

    Why why() {
        return why;
    }
}
