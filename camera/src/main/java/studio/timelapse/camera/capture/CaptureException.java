package studio.timelapse.camera.capture;

import studio.timelapse.shared.actionlog.ExpectedFailure;

/**
 * A frame could not be taken; {@link #kind()} says why in a way the scheduler acts on. Cameras fail as a matter of
 * course, so the message says all: the log shows it without a stack trace.
 */
public final class CaptureException extends Exception implements ExpectedFailure {
    private static final long serialVersionUID = 1L;

    /** Why a capture failed. */
    public enum Kind {
        /** The camera is busy ("PTP Device Busy"): retry shortly. */
        BUSY(true),
        /** No frame within the deadline: the watchdog kills and resets. */
        TIMEOUT(true),
        /** The camera is not there (unplugged, Wi-Fi down, ribbon cable): reset, then retry. */
        DISCONNECTED(true),
        /** The camera answered, but what it wrote is not a usable JPEG. */
        BAD_OUTPUT(true),
        /** The settings or the setup are wrong: retrying will not help until someone changes them. */
        MISCONFIGURED(false),
        /** Anything else. */
        FAILED(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    public CaptureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
