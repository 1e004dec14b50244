package studio.timelapse.camera.security;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.timelapse.camera.pairing.ThrottledException;
import studio.timelapse.shared.actionlog.ExpectedFailure;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * A refusal on its way to the client as an HTTP answer: a status (also those {@link Refusal.Kind} has no kind for —
 * 401, 413, 429), the refusals for the {@link ErrorBody}, and headers such as {@code WWW-Authenticate}.
 */
final class HttpRefusal extends RuntimeException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Refusal> refusals;
    private final Map<String, String> headers;

    private HttpRefusal(int status, List<Refusal> refusals, Map<String, String> headers) {
        super(ErrorBody.of(status, refusals).message());
        this.status = status;
        this.refusals = List.copyOf(refusals);
        this.headers = Map.copyOf(headers);
    }

    static HttpRefusal of(RefusedException refused) {
        if (refused instanceof ThrottledException throttled) {
            return new HttpRefusal(429, refused.refusals(),
                    Map.of("Retry-After", Long.toString(throttled.retryAfterSeconds())));
        }
        return new HttpRefusal(refused.httpStatus(), refused.refusals(), Map.of());
    }

    static HttpRefusal invalid(List<Refusal> refusals) {
        return new HttpRefusal(400, refusals, Map.of());
    }

    static HttpRefusal tooLarge(Refusal refusal) {
        return new HttpRefusal(413, List.of(refusal), Map.of());
    }

    /** 401 with the {@code WWW-Authenticate} challenge that tells the client how to authenticate. */
    static HttpRefusal unauthorized(Refusal refusal, String wwwAuthenticate) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate", wwwAuthenticate);
        return new HttpRefusal(401, List.of(refusal), headers);
    }

    int status() {
        return status;
    }

    List<Refusal> refusals() {
        return refusals;
    }

    void answer(Context ctx) {
        headers.forEach(ctx::header);
        ctx.status(status).json(ErrorBody.of(status, refusals));
    }
}
