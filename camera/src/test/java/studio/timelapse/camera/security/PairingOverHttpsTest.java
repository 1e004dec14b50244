package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.pairing.PairedStudio;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.tls.CertificateFingerprint;
import studio.timelapse.shared.tls.Pem;
import studio.timelapse.shared.tls.PinnedTrustManager;

/** The pairing handshake over real HTTPS on loopback, as a studio experiences it. */
class PairingOverHttpsTest {
    @RegisterExtension
    final AgentFixture fixture = new AgentFixture();
    SecuredAgent agent;
    TestStudio studio;

    @BeforeEach
    void startAgent() {
        agent = fixture.agent;
        studio = new TestStudio(agent, "Studio on the laptop");
    }

    @Test
    void withoutAnOpenWindowPairingIsRefusedWithWhatToDoAboutIt() {
        TestStudio.Response response = studio.pair("123456");

        assertThat(response.status()).isEqualTo(409);
        ErrorBody error = response.error();
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal).containsEntry("kind", "WRONG_STATE").containsEntry("code", "pairing.window_closed");
            assertThat((String) refusal.get("remedy"))
                    .contains("press the button on the camera or run ./timelapse camera pair");
        });
    }

    @Test
    void theRightCodePairsAndAnswersWithTheFingerprintSeenInTheTlsHandshake() {
        String code = agent.openWindow();

        TestStudio.Response response = studio.pair(code);

        assertThat(response.status()).isEqualTo(201);
        PairingResponse paired = response.as(PairingResponse.class);
        CertificateFingerprint seen = studio.firstContact.lastSeen().orElseThrow();
        assertThat(paired.certificateFingerprint()).isEqualTo(seen.colonHex());
        assertThat(paired.fingerprintShort()).isEqualTo(seen.shortForm());
        assertThat(seen).isEqualTo(agent.security.identity().fingerprint());
        assertThat(paired.agentId()).isEqualTo(agent.security.identity().agentId());
        assertThat(paired.challenge()).isNotBlank();
        PairedStudio stored = agent.security.studios().find(paired.studioId()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Studio on the laptop");
        assertThat(stored.publicKey()).isEqualTo(studio.keys.getPublic());
        assertThat(stored.pairedFrom()).isEqualTo("127.0.0.1");
    }

    @Test
    void aSuccessfulPairingClosesTheWindowSoASecondStudioNeedsANewOne() {
        String code = agent.openWindow();
        assertThat(studio.pair(code).status()).isEqualTo(201);
        TestStudio second = new TestStudio(agent, "Studio on the desktop");
        agent.clock.advance(Duration.ofSeconds(30));

        assertThat(second.pair(code).status()).isEqualTo(409);

        assertThat(second.pair(agent.openWindow()).status()).isEqualTo(201);
        assertThat(agent.security.studios().list()).extracting(PairedStudio::name)
                .containsExactly("Studio on the laptop", "Studio on the desktop");
    }

    @Test
    void aWrongCodeIsRefusedAndCountedAndAnsweringAgainAtOnceIsRateLimited() {
        String code = agent.openWindow();

        TestStudio.Response wrong = studio.pair(otherThan(code));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.firstRefusalCode()).isEqualTo("pairing.code_wrong");
        assertThat(TestStudio.details(wrong)).containsEntry("attempts_left", 4);

        TestStudio.Response tooSoon = studio.pair(code);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).contains("1");
        assertThat(tooSoon.firstRefusalCode()).isEqualTo("pairing.too_many_attempts");

        agent.clock.advance(Duration.ofSeconds(1));
        assertThat(studio.pair(code).status()).isEqualTo(201);
    }

    @Test
    void fiveWrongCodesCloseTheWindowEvenForTheRightCode() {
        String code = agent.openWindow();
        for (int attempt = 1; attempt <= 5; attempt++) {
            TestStudio.Response wrong = studio.pair(otherThan(code));
            assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(403);
            assertThat(TestStudio.details(wrong)).containsEntry("attempts_left", 5 - attempt);
            agent.clock.advance(Duration.ofSeconds(1L << (attempt - 1))); // past this client's backoff
        }

        TestStudio.Response afterwards = studio.pair(code);

        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(agent.recording.ofType("camera:pairing:window_closed")).last()
                .satisfies(m -> assertThat(m.get("reason")).isEqualTo("too_many_wrong_codes"));
    }

    @Test
    void theWindowClosesAfterTwoMinutes() {
        String code = agent.openWindow();
        agent.clock.advance(Duration.ofMinutes(2));

        assertThat(studio.pair(code).status()).isEqualTo(409);
        assertThat(agent.recording.ofType("camera:pairing:window_closed")).singleElement()
                .satisfies(m -> assertThat(m.get("reason")).isEqualTo("expired"));
    }

    @Test
    void badInputIsRefusedWithEveryMistakeAtOnceAndSpendsNoAttempt() {
        String code = agent.openWindow();

        TestStudio.Response response = studio.send(studio.firstContact, studio.post("/api/v1/pairing",
                Map.of("code", "12ab", "studioName", " ", "studioPublicKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n"
                        + "-----END PUBLIC KEY-----")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().refusals()).extracting(r -> r.get("code"))
                .containsExactly("pairing.code_format", "pairing.studio_name", "pairing.studio_key");
        assertThat(response.error().refusals()).extracting(r -> (Object) ((Map<?, ?>) r.get("details")).get("field"))
                .containsExactly("code", "studioName", "studioPublicKey");
        assertThat(studio.pair(code).status()).isEqualTo(201);
    }

    @Test
    void aKeyThatIsNotEcP256IsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        agent.openWindow();

        assertThat(pairWithKey(rsa.generateKeyPair().getPublic().getEncoded()).error().message())
                .contains("not an EC key");
        assertThat(pairWithKey(ec.generateKeyPair().getPublic().getEncoded()).error().message())
                .contains("must be on the P-256 curve");
    }

    private TestStudio.Response pairWithKey(byte[] publicKey) {
        TestStudio.Response response = studio.send(studio.firstContact, studio.post("/api/v1/pairing",
                Map.of("code", "123456", "studioName", "x", "studioPublicKey", Pem.encode(Pem.PUBLIC_KEY, publicKey))));
        assertThat(response.status()).isEqualTo(400);
        return response;
    }

    @Test
    void malformedJsonIsA400WithAnErrorBody() {
        for (String body : List.of("{\"code\": ", "[1,2]", "null", "")) {
            TestStudio.Response response = studio.send(studio.firstContact, HttpRequest.newBuilder(
                    agent.uri("/api/v1/pairing")).POST(HttpRequest.BodyPublishers.ofString(body)).build());

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error().status()).isEqualTo(400);
            assertThat(response.firstRefusalCode()).startsWith("request.");
        }
    }

    @Test
    void aHugeBodyIsA413WithAnErrorBody() {
        String huge = "{\"code\":\"" + "1".repeat(200_000) + "\"}";

        TestStudio.Response response = studio.send(studio.firstContact, HttpRequest.newBuilder(
                agent.uri("/api/v1/pairing")).POST(HttpRequest.BodyPublishers.ofString(huge)).build());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.firstRefusalCode()).isEqualTo("request.too_large");
    }

    @Test
    void aStudioThatPinnedTheCameraRefusesAnotherCertificate(@TempDir Path otherHome) {
        studio.paired();
        try (SecuredAgent impostor = SecuredAgent.start(otherHome)) {
            HttpRequest request = HttpRequest.newBuilder(impostor.uri("/api/v1/health")).build();

            assertThatThrownBy(() -> studio.send(PinnedTrustManager.pinnedTo(studio.pinned), request))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertificateException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
        assertThat(studio.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void everyPairingStepIsLoggedAndNoTokenOrKeyIs() {
        String code = agent.openWindow();
        studio.pair(otherThan(code));
        agent.clock.advance(Duration.ofSeconds(1));
        studio.pair(code);
        studio.requestToken();

        assertThat(agent.recording.messages()).extracting(LogMessage::type).contains(
                "camera:pairing:open_window", "camera:pairing:pair", "camera:pairing:wrong_code",
                "camera:pairing:window_closed", "camera:token:issue");
        String everything = agent.recording.messages().toString();
        assertThat(everything).doesNotContain(studio.accessToken).doesNotContain(studio.challenge)
                .doesNotContain("PRIVATE KEY");
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
