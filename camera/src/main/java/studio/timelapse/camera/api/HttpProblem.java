package studio.timelapse.camera.api;

import java.util.List;
import java.util.Map;
import studio.timelapse.shared.actionlog.ExpectedFailure;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;

/**
 * A request answered with a 4xx whose status no {@link Refusal.Kind} names (406, 413, 415, 416, 503…), with the
 * refusals for the {@link ErrorBody} and headers such as {@code Retry-After}. Refusals with a kind's own status are
 * thrown as {@code RefusedException}.
 */
final class HttpProblem extends RuntimeException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Refusal> refusals;
    private final Map<String, String> headers;

    HttpProblem(int status, Refusal refusal, Map<String, String> headers) {
        super(refusal.describe());
        this.status = status;
        this.refusals = List.of(refusal);
        this.headers = Map.copyOf(headers);
    }

    HttpProblem(int status, Refusal refusal) {
        this(status, refusal, Map.of());
    }

    int status() {
        return status;
    }

    ErrorBody body() {
        return ErrorBody.of(status, refusals);
    }

    Map<String, String> headers() {
        return headers;
    }
}
