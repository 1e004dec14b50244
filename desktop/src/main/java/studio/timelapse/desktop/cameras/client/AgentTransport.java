package studio.timelapse.desktop.cameras.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.tls.CertificateFingerprint;
import studio.timelapse.shared.tls.PinnedTrustManager;

/**
 * HTTPS to one agent, one request at a time: it sends what it is given with the task id and token it is given, and
 * turns every answer that is not a 2xx into the right exception — a 4xx into {@link AgentRefusedException} with the
 * agent's refusals, a 5xx or an unreadable answer into {@link AgentFailedException}, and a failure to talk at all
 * into {@link CameraUnreachableException} naming the camera, the request and what failed. Tokens, retries and the
 * action log are the caller's ({@link AgentClient}).
 */
final class AgentTransport {
    /** Error bodies are small; anything longer is not one of ours. */
    private static final int ERROR_BODY_LIMIT = 256 * 1024;

    /** One request: what to send, without the task id and token, which each attempt takes afresh. */
    record Call(String method, String path, Optional<String> query, Optional<byte[]> jsonBody,
            Map<String, String> headers, Duration timeout) {

        static Call get(String path, Duration timeout) {
            return new Call("GET", path, Optional.empty(), Optional.empty(), Map.of(), timeout);
        }

        Call withQuery(String newQuery) {
            return new Call(method, path, Optional.of(newQuery), jsonBody, headers, timeout);
        }

        Call withHeaders(Map<String, String> more) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.putAll(more);
            return new Call(method, path, query, jsonBody, all, timeout);
        }

        /** {@code GET /api/v1/frames}, as messages name it. */
        String describe() {
            return method + " " + path;
        }
    }

    private final String camera;
    private final AgentAddress address;
    private final Optional<CertificateFingerprint> pin;
    private final PinnedTrustManager trust;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * @param pin the certificate pinned at pairing; empty for first contact, which trusts whatever the agent presents
     *     and remembers its fingerprint ({@link #lastSeenCertificate()})
     */
    AgentTransport(String camera, AgentAddress address, Optional<CertificateFingerprint> pin, Duration connectTimeout,
            ObjectMapper json) {
        this.camera = camera;
        this.address = address;
        this.pin = pin;
        this.trust = pin.map(PinnedTrustManager::pinnedTo).orElseGet(PinnedTrustManager::observingFirstContact);
        this.json = json;
        this.http = HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .version(HttpClient.Version.HTTP_1_1) // the agent serves HTTP/1.1 only
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String camera() {
        return camera;
    }

    AgentAddress address() {
        return address;
    }

    ObjectMapper json() {
        return json;
    }

    /** The fingerprint of the last certificate the agent presented, trusted or not. */
    Optional<CertificateFingerprint> lastSeenCertificate() {
        return trust.lastSeen();
    }

    /**
     * Sends {@code call} once and answers the 2xx response with its body still to read; the caller closes it.
     *
     * @throws AgentRefusedException a 4xx, with the agent's refusals
     * @throws AgentFailedException a 5xx
     * @throws CameraUnreachableException no answer at all
     */
    HttpResponse<InputStream> send(Call call, String taskId, Optional<String> bearer) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.uri(call.path(), call.query().orElse(null)))
                .timeout(call.timeout())
                .header(ActionLog.TASK_ID_HEADER, taskId);
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        call.headers().forEach(request::header);
        if (call.jsonBody().isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.jsonBody().get()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while asking the " + camera
                    + " for " + call.describe());
            interrupted.initCause(e);
            throw interrupted;
        } catch (IOException e) {
            throw unreachable(call, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        Optional<ErrorBody> body = errorBody(response);
        if (status >= 500) {
            throw failed(call, response, body);
        }
        throw refused(call, status, body);
    }

    /** Reads a whole 2xx JSON answer as {@code type}; an answer that does not read is the agent's failure. */
    <T> T read(Call call, HttpResponse<InputStream> response, Class<T> type) throws IOException {
        try (InputStream body = response.body()) {
            return json.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new AgentFailedException("The " + camera + " answered " + call.describe() + " with something that"
                    + " is not a " + type.getSimpleName() + " (" + e.getOriginalMessage() + "); is it running a"
                    + " compatible version?", 0, Optional.empty(), Optional.empty(), e);
        } catch (IOException e) {
            throw unreachable(call, e);
        }
    }

    /** JSON text of a request body. */
    byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    CameraUnreachableException unreachable(Call call, IOException e) {
        Throwable ssl = causeOf(e, SSLException.class);
        Optional<CertificateFingerprint> seen = trust.lastSeen();
        if (ssl != null && pin.isPresent() && seen.isPresent() && !seen.get().equals(pin.get())) {
            return new CameraUnreachableException("The " + camera + " did not prove its identity for "
                    + call.describe() + ": it presented the certificate " + seen.get().shortForm() + ", but this"
                    + " studio pinned " + pin.get().shortForm() + " when it paired. If the camera's identity was reset,"
                    + " pair it again; otherwise another device answers at its address.", true, e);
        }
        String what;
        if (e instanceof HttpConnectTimeoutException) {
            what = "no connection within the connect timeout — check that the camera is on and on this network";
        } else if (e instanceof HttpTimeoutException) {
            what = "no answer within " + call.timeout().toSeconds() + " s";
        } else if (causeOf(e, ConnectException.class) != null) {
            what = "the connection was refused — is the agent running, and is this its port?";
        } else if (ssl != null) {
            what = "the TLS handshake failed: " + rootMessage(e);
        } else {
            what = rootMessage(e);
        }
        return new CameraUnreachableException("Could not reach the " + camera + " for " + call.describe() + ": "
                + what, false, e);
    }

    private AgentFailedException failed(Call call, HttpResponse<InputStream> response, Optional<ErrorBody> body) {
        int status = response.statusCode();
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(AgentTransport::seconds);
        String message = body.map(ErrorBody::message).filter(text -> !text.isBlank()).orElse("HTTP " + status);
        return new AgentFailedException("The " + camera + " failed to answer " + call.describe() + ": " + message,
                status, body, retryAfter, null);
    }

    private AgentRefusedException refused(Call call, int status, Optional<ErrorBody> body) {
        List<Refusal> refusals = new ArrayList<>();
        body.ifPresent(error -> error.refusals().forEach(fields -> refusals.add(refusal(fields, status))));
        if (refusals.isEmpty()) {
            String reason = body.map(ErrorBody::message).filter(text -> !text.isBlank())
                    .orElse("HTTP " + status + " " + call.describe());
            refusals.add(Refusal.of(kindOf(status), "http." + status, reason));
        }
        ErrorBody error = body.orElseGet(() -> ErrorBody.of(status, refusals));
        return new AgentRefusedException(camera, call.describe(), status, error, refusals);
    }

    private Optional<ErrorBody> errorBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(ERROR_BODY_LIMIT);
            if (bytes.length == 0) {
                return Optional.empty();
            }
            return Optional.of(json.readValue(bytes, ErrorBody.class));
        } catch (IOException e) {
            return Optional.empty(); // not our JSON (a proxy's page?) or cut off: the status still speaks
        }
    }

    @SuppressWarnings("unchecked")
    private static Refusal refusal(Map<String, Object> fields, int status) {
        Refusal.Kind kind;
        try {
            kind = Refusal.Kind.valueOf(String.valueOf(fields.get("kind")));
        } catch (IllegalArgumentException e) {
            kind = kindOf(status); // a kind this studio does not know yet
        }
        Object details = fields.get("details");
        return new Refusal(kind, String.valueOf(fields.getOrDefault("code", "http." + status)),
                String.valueOf(fields.getOrDefault("reason", "HTTP " + status)),
                Optional.ofNullable(fields.get("remedy")).map(String::valueOf),
                details instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    private static Refusal.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Refusal.Kind.UNAUTHENTICATED;
            case 403 -> Refusal.Kind.FORBIDDEN;
            case 404 -> Refusal.Kind.NOT_FOUND;
            case 409, 412 -> Refusal.Kind.CONFLICT;
            case 429 -> Refusal.Kind.TOO_MANY_REQUESTS;
            default -> Refusal.Kind.INVALID;
        };
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the agent does not send one
        }
    }

    private static Throwable causeOf(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
