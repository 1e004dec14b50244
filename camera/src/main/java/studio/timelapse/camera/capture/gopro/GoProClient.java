package studio.timelapse.camera.capture.gopro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;

/**
 * The Open GoPro HTTP endpoints the backend uses, each bounded by the request timeout and the frame's deadline, with
 * failures in capture terms: no answer or a dropped connection is {@link Kind#DISCONNECTED}; an error status is
 * {@link Kind#FAILED}, with the camera's words and what is known to help.
 */
final class GoProClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 200;

    private final URI base;
    private final Clock clock;
    private final Duration requestTimeout;
    private volatile HttpClient http;

    GoProClient(URI base, Clock clock, Duration requestTimeout) {
        this.base = base;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.http = newHttpClient();
    }

    private HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Drops pooled connections, which may be dead after the Wi-Fi dropped, and starts afresh. */
    void reconnect() {
        http = newHttpClient();
    }

    URI base() {
        return base;
    }

    CameraState state(Instant deadline) throws CaptureException, InterruptedException {
        JsonNode status = json("/gopro/camera/state", deadline, "reading the camera state").path("status");
        if (!status.isObject()) {
            throw new CaptureException(Kind.FAILED, "the GoPro's state has no status flags: is it an Open GoPro "
                    + "camera (HERO9 or later) with current firmware?");
        }
        return new CameraState(status.path(CameraState.SYSTEM_BUSY).asInt() != 0,
                status.path(CameraState.ENCODING_ACTIVE).asInt() != 0);
    }

    /** A command that answers {@code {}} when accepted. */
    void command(String pathAndQuery, Instant deadline, String what) throws CaptureException, InterruptedException {
        send(pathAndQuery, HttpResponse.BodyHandlers.ofString(), deadline, what);
    }

    List<MediaFile> mediaList(Instant deadline) throws CaptureException, InterruptedException {
        JsonNode list = json("/gopro/media/list", deadline, "reading the media list");
        List<MediaFile> files = new ArrayList<>();
        for (JsonNode directory : list.path("media")) {
            String name = directory.path("d").asText();
            for (JsonNode file : directory.path("fs")) {
                files.add(new MediaFile(name, file.path("n").asText(), number(file.path("s")),
                        number(file.path("cre"))));
            }
        }
        return files;
    }

    /** Downloads {@code file} to {@code target} and returns how many bytes arrived. */
    long download(MediaFile file, Path target, Instant deadline) throws CaptureException, InterruptedException {
        HttpResponse<Path> response = send("/videos/DCIM/" + file.path(), HttpResponse.BodyHandlers.ofFile(target),
                deadline, "downloading " + file.path());
        try {
            return Files.size(response.body());
        } catch (IOException e) {
            throw new CaptureException(Kind.BAD_OUTPUT, "the download of " + file.path() + " left no readable file: "
                    + e.getMessage(), e);
        }
    }

    void delete(MediaFile file, Instant deadline) throws CaptureException, InterruptedException {
        command("/gopro/media/delete/file?path=" + file.path(), deadline, "deleting " + file.path());
    }

    /** The keep-alive, for the timer: it has no frame deadline, only the request timeout. */
    void keepAlive() throws CaptureException, InterruptedException {
        command("/gopro/camera/keep_alive", clock.instant().plus(requestTimeout), "sending the keep-alive");
    }

    private JsonNode json(String pathAndQuery, Instant deadline, String what)
            throws CaptureException, InterruptedException {
        String body = send(pathAndQuery, HttpResponse.BodyHandlers.ofString(), deadline, what).body();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CaptureException(Kind.FAILED, "the GoPro answered " + what + " with something that is not "
                    + "JSON: " + snippet(body));
        }
    }

    /**
     * Sends a GET and waits for the whole answer, body included, until the request timeout or the deadline —
     * whichever comes first; a download that stalls is cancelled there too.
     */
    private <T> HttpResponse<T> send(String pathAndQuery, HttpResponse.BodyHandler<T> body, Instant deadline,
            String what) throws CaptureException, InterruptedException {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new CaptureException(Kind.TIMEOUT, "the deadline passed before " + what);
        }
        Duration timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<T>> pending = http.sendAsync(request, body);
        HttpResponse<T> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw noAnswer(what, timeout, deadline);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unreachable(what, e.getCause(), timeout, deadline);
        }
        if (response.statusCode() / 100 != 2) {
            throw refused(pathAndQuery, what, response);
        }
        return response;
    }

    private CaptureException noAnswer(String what, Duration timeout, Instant deadline) {
        if (!clock.instant().isBefore(deadline)) {
            return new CaptureException(Kind.TIMEOUT, "the deadline passed while " + what);
        }
        return new CaptureException(Kind.DISCONNECTED, "the GoPro at " + base + " did not answer within "
                + timeout.toMillis() + " ms while " + what + ": is its Wi-Fi on and the agent joined to it (or wired "
                + "USB control enabled)?");
    }

    private CaptureException unreachable(String what, Throwable cause, Duration timeout, Instant deadline) {
        if (cause instanceof HttpTimeoutException) {
            return noAnswer(what, timeout, deadline);
        }
        if (cause instanceof ConnectException) {
            return new CaptureException(Kind.DISCONNECTED, "cannot reach the GoPro at " + base + " while " + what
                    + ": is it switched on, its Wi-Fi on and the agent joined to it?", cause);
        }
        return new CaptureException(Kind.DISCONNECTED, "the connection to the GoPro at " + base + " dropped while "
                + what + " (" + cause + "); Wi-Fi drops when the keep-alive stops", cause);
    }

    private static CaptureException refused(String pathAndQuery, String what, HttpResponse<?> response) {
        int status = response.statusCode();
        String said = response.body() instanceof String text ? snippet(text) : "";
        if (status == 404 && pathAndQuery.startsWith("/gopro/media/list")) {
            return new CaptureException(Kind.FAILED, "the GoPro answers 404 for its media list, a known camera "
                    + "fault that only a power cycle of the camera clears");
        }
        if (said.toLowerCase(Locale.ROOT).contains("unknown error")) {
            return new CaptureException(Kind.FAILED, "the GoPro reported an unknown error while " + what
                    + " (HTTP " + status + ": " + said + "); it comes after hours of running: a reset re-enables "
                    + "control, and if it stays, power-cycle the camera");
        }
        return new CaptureException(Kind.FAILED, "the GoPro answered HTTP " + status + " while " + what
                + (said.isEmpty() ? "" : ": " + said));
    }

    private static OptionalLong number(JsonNode node) {
        if (node.isNumber()) {
            return OptionalLong.of(node.asLong());
        }
        try {
            return node.isTextual() ? OptionalLong.of(Long.parseLong(node.asText().strip())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String snippet(String text) {
        String oneLine = text.strip()
                .replaceAll("\\s+", " ");
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "…";
    }
}
