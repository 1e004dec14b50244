package studio.timelapse.desktop.cameras.client;

import java.io.IOException;
import java.util.Optional;
import studio.timelapse.shared.protocol.ErrorBody;

/**
 * A camera agent could not do what it was asked through no fault of the request: it answered 5xx (it failed
 * unexpectedly, or is too busy — {@code 503} with {@code Retry-After}), or sent an answer that does not read as the
 * protocol says. An {@link IOException}: like a lost connection it may pass, and the job runner retries it.
 */
public final class AgentFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<ErrorBody> body;
    private final transient Optional<java.time.Duration> retryAfter;

    AgentFailedException(String message, int status, Optional<ErrorBody> body, Optional<java.time.Duration> retryAfter,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when the answer was a 2xx whose body could not be read. */
    public int status() {
        return status;
    }

    /** The agent's error body, when it sent one (a 500's message names the task in the agent's log). */
    public Optional<ErrorBody> body() {
        return body;
    }

    /** How long the agent asked us to wait ({@code Retry-After}), if it did. */
    public Optional<java.time.Duration> retryAfter() {
        return retryAfter;
    }
}
