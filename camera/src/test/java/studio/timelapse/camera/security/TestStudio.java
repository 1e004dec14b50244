package studio.timelapse.camera.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;
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
 * The studio's side, as a test drives it with the JDK's HTTP client: it pairs trusting the first certificate it
 * sees (remembering its fingerprint), then talks only to the pinned certificate, and signs token requests with its
 * own EC P-256 key.
 */
public final class TestStudio {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer, with its body read as JSON when asked. */
    public record Response(int status, String body, HttpHeaders headers) {
        public <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        public ErrorBody error() {
            return as(ErrorBody.class);
        }

        String firstRefusalCode() {
            return String.valueOf(error().refusals().get(0).get("code"));
        }
    }

    final String name;
    final KeyPair keys = p256();
    final PinnedTrustManager firstContact = PinnedTrustManager.observingFirstContact();
    private PairableAgent agent;
    private final Map<PinnedTrustManager, HttpClient> clients = new java.util.IdentityHashMap<>();
    private PinnedTrustManager pinnedTrust;
    private CertificateFingerprint pinnedTo;
    String studioId;
    CertificateFingerprint pinned;
    String challenge;
    String accessToken;

    public TestStudio(PairableAgent agent, String name) {
        this.agent = agent;
        this.name = name;
    }

    /** Talks to {@code restarted} from now on, with what it learned so far (ids, pin, challenge, token). */
    public TestStudio reconnect(PairableAgent restarted) {
        this.agent = restarted;
        return this;
    }

    /** {@code POST /api/v1/pairing} over a connection that trusts whatever certificate the camera presents. */
    public Response pair(String code) {
        Response response = send(firstContact, post("/api/v1/pairing", new PairingRequest(code, name, publicKeyPem())));
        if (response.status() == 201) {
            PairingResponse paired = response.as(PairingResponse.class);
            studioId = paired.studioId();
            pinned = CertificateFingerprint.parse(paired.certificateFingerprint());
            challenge = paired.challenge();
        }
        return response;
    }

    /** Opens a window on the camera and pairs with its code; the studio is then ready to ask for tokens. */
    public TestStudio paired() {
        Response response = pair(agent.openWindow());
        if (response.status() != 201) {
            throw new AssertionError("pairing failed: " + response);
        }
        return this;
    }

    /** {@code POST /api/v1/token}, signing the last challenge with this studio's key. */
    public Response requestToken() {
        return requestToken(keys, challenge);
    }

    Response requestToken(KeyPair signer, String challengeToSign) {
        String proof = new TokenProof(pinned.colonHex(), studioId, challengeToSign).sign(signer.getPrivate());
        Response response = send(pinnedTrust(), post("/api/v1/token", new TokenRequest(studioId, challengeToSign, proof)));
        if (response.status() == 200) {
            TokenResponse token = response.as(TokenResponse.class);
            accessToken = token.accessToken();
            challenge = token.nextChallenge();
        }
        return response;
    }

    /** Pairs and gets a first token. */
    public TestStudio withToken() {
        paired();
        Response response = requestToken();
        if (response.status() != 200) {
            throw new AssertionError("token request failed: " + response);
        }
        return this;
    }

    /**
     * A token for an agent that may have restarted since the last one: the agent forgets its challenges when it
     * restarts, so a refused challenge is answered with a fresh one, which the studio signs.
     */
    public TestStudio freshToken() {
        Response response = requestToken();
        if (response.status() == 401 && details(response).get("challenge") instanceof String fresh) {
            response = requestToken(keys, fresh);
        }
        if (response.status() != 200) {
            throw new AssertionError("token request failed: " + response);
        }
        return this;
    }

    public Response get(String path) {
        return get(path, accessToken);
    }

    /** A GET with this studio's token whose body is kept as bytes (a frame's JPEG). */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest request = withToken(HttpRequest.newBuilder(agent.uri(path)).GET(), accessToken).build();
        HttpClient client = client(pinnedTrust());
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send(pinnedTrust(), withToken(HttpRequest.newBuilder(agent.uri(path)).GET(), token).build());
    }

    public Response delete(String path) {
        return send(pinnedTrust(), withToken(HttpRequest.newBuilder(agent.uri(path)).DELETE(), accessToken).build());
    }

    public Response send(HttpRequest request) {
        return send(pinnedTrust(), request);
    }

    public HttpRequest post(String path, Object body) {
        try {
            return HttpRequest.newBuilder(agent.uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST with this studio's access token, over the pinned connection. */
    public Response postWithToken(String path, Object body) {
        try {
            return send(pinnedTrust(), withToken(HttpRequest.newBuilder(agent.uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), accessToken).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String publicKeyPem() {
        return Pem.encode(Pem.PUBLIC_KEY, keys.getPublic().getEncoded());
    }

    PinnedTrustManager pinnedTrust() {
        if (pinned == null) {
            return firstContact;
        }
        if (pinnedTrust == null || !pinned.equals(pinnedTo)) {
            pinnedTrust = PinnedTrustManager.pinnedTo(pinned);
            pinnedTo = pinned;
        }
        return pinnedTrust;
    }

    private HttpClient client(PinnedTrustManager trust) {
        return clients.computeIfAbsent(trust, t -> HttpClient.newBuilder().sslContext(t.sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    Response send(PinnedTrustManager trust, HttpRequest request) {
        HttpClient client = client(trust);
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> details(Response response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) response.error().refusals().get(0).get("details");
        return details;
    }
}
