package studio.timelapse.shared.job;

/** A failure that may pass with time (a camera offline, a busy resource): the job is retried with backoff. */
public class TransientJobException extends Exception {
    private static final long serialVersionUID = 1L;

    public TransientJobException(String message) {
        super(message);
    }

    public TransientJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
