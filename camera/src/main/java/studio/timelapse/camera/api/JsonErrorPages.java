package studio.timelapse.camera.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.ErrorBody;

/**
 * Jetty's answers to requests that never reach the app — a malformed request line, an undecodable or NUL-bearing
 * path, headers too large — as the same JSON {@link ErrorBody} as every other error, and logged
 * ({@value #REJECTED_MESSAGE}, a task of its own) since {@link RequestLog} never sees them.
 */
final class JsonErrorPages extends ErrorHandler {
    static final String REJECTED_MESSAGE = "camera:api:rejected";

    private final ActionLog log;
    private final ObjectMapper json;

    JsonErrorPages(ActionLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String reason = message == null || message.isBlank() ? "The request is not valid HTTP" : message;
        log.message(REJECTED_MESSAGE, "method", request.getMethod(), "path", request.getHttpURI().getPath(),
                "client", Request.getRemoteAddr(request), "status", code, "reason", reason);
        byte[] body;
        try {
            body = json.writeValueAsBytes(ErrorBody.of(code, "Rejected before it reached the agent: " + reason));
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + code + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
