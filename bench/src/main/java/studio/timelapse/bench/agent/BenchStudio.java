package studio.timelapse.bench.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.camera.api.ApiJson;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.protocol.pairing.PairingRequest;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.protocol.pairing.TokenProof;
import studio.timelapse.shared.protocol.pairing.TokenRequest;
import studio.timelapse.shared.protocol.pairing.TokenResponse;
import studio.timelapse.shared.tls.CertificateFingerprint;
import studio.timelapse.shared.tls.Pem;
import studio.timelapse.shared.tls.PinnedTrustManager;

/**
 * The studio's side of the protocol, as much as a benchmark needs: pairs with a code from {@code timelapse camera
 * pair} (trusting the first certificate and pinning it), signs token challenges with its own P-256 key, and sends
 * requests with its access token over the pinned connection.
 */
final class BenchStudio {
    static final ObjectMapper JSON = ApiJson.mapper();

    private final String base;
    private final KeyPair keys;
    private final HttpClient client;
    private final String studioId;
    private final CertificateFingerprint fingerprint;
    private String challenge;
    private String accessToken;

    private BenchStudio(String base, KeyPair keys, PairingResponse paired) {
        this.base = base;
        this.keys = keys;
        this.studioId = paired.studioId();
        this.fingerprint = CertificateFingerprint.parse(paired.certificateFingerprint());
        this.challenge = paired.challenge();
        this.client = HttpClient.newBuilder().sslContext(PinnedTrustManager.pinnedTo(fingerprint).sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Pairs with the agent on {@code port} of loopback while its pairing window shows {@code code}. */
    static BenchStudio pair(int port, String code) throws IOException, InterruptedException {
        String base = "https://127.0.0.1:" + port;
        KeyPair keys = p256();
        HttpClient firstContact = HttpClient.newBuilder()
                .sslContext(PinnedTrustManager.observingFirstContact().sslContext()).build();
        HttpResponse<String> answer = firstContact.send(json(HttpRequest.newBuilder(URI.create(base + "/api/v1/pairing")),
                new PairingRequest(code, "benchmark", Pem.encode(Pem.PUBLIC_KEY, keys.getPublic().getEncoded())))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IOException("pairing refused: " + answer.statusCode() + " " + answer.body());
        }
        BenchStudio studio = new BenchStudio(base, keys, JSON.readValue(answer.body(), PairingResponse.class));
        studio.refreshToken();
        return studio;
    }

    /** A fresh access token (they live ten minutes), proving possession of the studio's key. */
    void refreshToken() throws IOException, InterruptedException {
        String proof = new TokenProof(fingerprint.colonHex(), studioId, challenge).sign(keys.getPrivate());
        HttpResponse<String> answer = client.send(json(HttpRequest.newBuilder(uri("/api/v1/token")),
                new TokenRequest(studioId, challenge, proof)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("token refused: " + answer.statusCode() + " " + answer.body());
        }
        TokenResponse token = JSON.readValue(answer.body(), TokenResponse.class);
        accessToken = token.accessToken();
        challenge = token.nextChallenge();
    }

    String accessToken() {
        return accessToken;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpClient client() {
        return client;
    }

    /** A request to {@code path} carrying the access token. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken)
                .timeout(Duration.ofMinutes(2));
    }

    <T> T get(String path, Class<T> type) throws IOException, InterruptedException {
        return read(client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()), type);
    }

    <T> T post(String path, Object body, Class<T> type) throws IOException, InterruptedException {
        return read(client.send(json(request(path), body).build(), HttpResponse.BodyHandlers.ofString()), type);
    }

    <T> T put(String path, Object body, Class<T> type) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return read(client.send(request.build(), HttpResponse.BodyHandlers.ofString()), type);
    }

    /**
     * Sends {@code config}; if the agent refuses its interval as too short for its camera, the shortest interval it
     * offers instead, in milliseconds (from the refusal's {@code min_interval_ms}).
     */
    Optional<Long> refusedInterval(CaptureConfig config) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/v1/config").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)));
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            return Optional.empty();
        }
        ErrorBody error = JSON.readValue(answer.body(), ErrorBody.class);
        for (Map<String, Object> refusal : error.refusals()) {
            if ("config.interval_too_short".equals(refusal.get("code"))
                    && refusal.get("details") instanceof Map<?, ?> details
                    && details.get("min_interval_ms") instanceof Number millis) {
                return Optional.of(millis.longValue());
            }
        }
        throw new IOException("configuration refused: " + answer.statusCode() + " " + answer.body());
    }

    private static <T> T read(HttpResponse<String> answer, Class<T> type) throws IOException {
        if (answer.statusCode() != 200) {
            throw new IOException(answer.request().method() + " " + answer.uri() + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return JSON.readValue(answer.body(), type);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, Object body) throws IOException {
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
