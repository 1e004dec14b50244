package studio.timelapse.camera.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.camera.http.HttpRefusal;

/**
 * Every error answer in one place, each a JSON {@link ErrorBody}: refusals with their kind's status (400, 403, 404,
 * 409) and every reason; Javalin's own answers (no route 404, wrong method 405 with {@code Allow}, body too large 413)
 * in the same shape; anything unexpected a 500 that names the task in the agent's log — the exception itself goes to
 * the log, never into the answer.
 */
final class ApiErrors {
    private final ActionLog log;
    private final ObjectMapper json;

    ApiErrors(ActionLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    void install(JavalinConfig config) {
        config.routes.before(ApiErrors::refuseMalformedTaskId);
        config.routes.exception(RefusedException.class, (e, ctx) -> answer(ctx, ErrorBody.of(e.httpStatus(),
                e.refusals())));
        config.routes.exception(HttpRefusal.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            answer(ctx, e.body());
        });
        config.routes.exception(HttpResponseException.class, ApiErrors::javalinAnswer);
        config.routes.exception(Exception.class, ApiErrors::unexpected);
        config.router.javaLangErrorHandler(this::severe);
    }

    /** An {@link Error} (out of memory, a stack overflow) in a handler: logged, and a 500 for the client. */
    private void severe(HttpServletResponse response, Error error) {
        log.message("camera:api:error", "exception", error.getClass().getName(), "reason",
                String.valueOf(error.getMessage()));
        if (response.isCommitted()) {
            return;
        }
        try {
            response.setStatus(500);
            response.setContentType("application/json");
            response.getOutputStream().write(json.writeValueAsBytes(ErrorBody.of(500,
                    "The agent failed unexpectedly; its log tells why")));
        } catch (IOException e) {
            // The client is gone; the log has the error.
        }
    }

    /** A malformed task id is refused before anything else looks at the request (authentication included). */
    private static void refuseMalformedTaskId(Context ctx) {
        RequestScope.of(ctx).headerProblem().ifPresent(problem -> {
            throw new RefusedException(problem);
        });
    }

    private static void javalinAnswer(HttpResponseException e, Context ctx) {
        if (e instanceof MethodNotAllowedResponse) {
            String allowed = e.getDetails().getOrDefault("availableMethods", "");
            ctx.header("Allow", allowed);
            answer(ctx, ErrorBody.of(405, ctx.method().name() + " is not allowed on " + ctx.path()
                    + (allowed.isEmpty() ? "" : "; allowed: " + allowed)));
        } else if (e instanceof NotFoundResponse && e.getStatus() == 404) {
            answer(ctx, ErrorBody.of(404, java.util.List.of(Refusal.of(Refusal.Kind.NOT_FOUND, "api.no_route",
                    "There is no " + ctx.method().name() + " " + ctx.path() + " on this agent",
                    "see docs/protocol.md for the routes"))));
        } else if (e.getStatus() == 413) {
            answer(ctx, ErrorBody.of(413, java.util.List.of(Refusal.of(Refusal.Kind.INVALID, "api.body_too_large",
                    "The request body is larger than the agent accepts (" + AgentApp.MAX_REQUEST_BYTES + " bytes)",
                    "send a smaller body; protocol bodies are a few kilobytes"))));
        } else {
            answer(ctx, ErrorBody.of(e.getStatus(), e.getMessage()));
        }
    }

    private static void unexpected(Exception e, Context ctx) {
        RequestScope scope = RequestScope.of(ctx);
        scope.failed(e);
        answer(ctx, ErrorBody.of(500, "The agent failed unexpectedly; its log tells why under task "
                + scope.taskUuid() + " (GET /api/v1/logs/" + scope.taskUuid() + ")"));
    }

    private static void answer(Context ctx, ErrorBody body) {
        ctx.status(body.status()).json(body);
    }
}
