package studio.timelapse.camera.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.timelapse.shared.actionlog.ExpectedFailure;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * A refusal on its way to the client as an HTTP answer: a status (also those that no {@link Refusal.Kind} names —
 * 406, 413, 415, 503…), the refusals for the {@link ErrorBody}, and headers such as {@code WWW-Authenticate} or
 * {@code Retry-After}. The one way the agent's HTTP code answers a "no" that a plain {@code RefusedException} cannot.
 */
public final class HttpRefusal extends RuntimeException implements ExpectedFailure {
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

    public static HttpRefusal withStatus(int status, List<Refusal> refusals, Map<String, String> headers) {
        return new HttpRefusal(status, refusals, headers);
    }

    public static HttpRefusal withStatus(int status, Refusal refusal, Map<String, String> headers) {
        return new HttpRefusal(status, List.of(refusal), headers);
    }

    public static HttpRefusal withStatus(int status, Refusal refusal) {
        return new HttpRefusal(status, List.of(refusal), Map.of());
    }

    /** A refused command, with its kind's status. */
    public static HttpRefusal of(RefusedException refused) {
        return new HttpRefusal(refused.httpStatus(), refused.refusals(), Map.of());
    }

    public static HttpRefusal invalid(List<Refusal> refusals) {
        return new HttpRefusal(400, refusals, Map.of());
    }

    public static HttpRefusal tooLarge(Refusal refusal) {
        return new HttpRefusal(413, List.of(refusal), Map.of());
    }

    /** 401 with the {@code WWW-Authenticate} challenge that tells the client how to authenticate. */
    public static HttpRefusal unauthorized(Refusal refusal, String wwwAuthenticate) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate", wwwAuthenticate);
        return new HttpRefusal(401, List.of(refusal), headers);
    }

    public int status() {
        return status;
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ErrorBody body() {
        return ErrorBody.of(status, refusals);
    }

    /** Sets the headers and answers with the error body. */
    public void answer(Context ctx) {
        headers.forEach(ctx::header);
        ctx.status(status).json(body());
    }
}
