package studio.timelapse.shared.cancel;

import studio.timelapse.shared.actionlog.ExpectedFailure;

/** Long work stopped at a chunk boundary because it was asked to; the message says why. */
public final class StoppedException extends RuntimeException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;

    public StoppedException(String reason) {
        super(reason);
    }
}
