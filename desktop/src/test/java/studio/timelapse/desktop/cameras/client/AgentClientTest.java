package studio.timelapse.desktop.cameras.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;
import studio.timelapse.shared.tls.CertificateFingerprint;

/** The studio's client against a real agent on loopback: pairing, pinned TLS, tokens, routes, refusals. */
class AgentClientTest {
    @TempDir
    Path agentHome;
    @TempDir
    Path library;

    private final RecordingLog recording = new RecordingLog();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-21T04:00:00Z"));
    private LoopbackAgent agent;
    private StudioIdentity identity;
    private String firstChallenge;

    @BeforeEach
    void startAgent() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        identity = StudioIdentity.loadOrCreate(library, recording.log());
    }

    @AfterEach
    void stopAgent() {
        agent.close();
        recording.close();
    }

    private PairedAgent pair() throws Exception {
        FirstContact contact = FirstContact.at(agent.address(), recording.log());
        PairingResponse paired = contact.pair(agent.openPairingWindow(), "Test studio", identity);
        firstChallenge = paired.challenge();
        return new PairedAgent(paired.agentId(), "North field", agent.address(),
                CertificateFingerprint.parse(paired.certificateFingerprint()), paired.studioId());
    }

    private AgentClient client(PairedAgent paired) {
        return AgentClient.builder(paired, identity, recording.log()).clock(clock).firstChallenge(firstChallenge)
                .build();
    }

    @Test
    void pairsPinningTheCertificateTheAgentPresentedAndCallsItsRoutesWithTokens() throws Exception {
        FirstContact contact = FirstContact.at(agent.address(), recording.log());
        assertThat(contact.health().agentId()).isEqualTo(agent.id());
        assertThat(contact.observedFingerprint()).contains(agent.fingerprint());

        PairedAgent paired = pair();
        assertThat(paired.fingerprint()).isEqualTo(agent.fingerprint());
        try (AgentClient client = client(paired)) {
            assertThat(client.health().agentId()).isEqualTo(agent.id());
            AgentStatus idle = client.status();
            assertThat(idle.state()).isEqualToIgnoringCase("IDLE");
            assertThat(client.config().backend()).isEqualTo("synthetic");
            assertThat(client.available().available()).contains("start");
            assertThat(client.capture(CaptureCommand.START).state()).isEqualToIgnoringCase("CAPTURING");
            assertThat(client.latest()).isEmpty().as("no frame before the first capture");
        }
    }

    @Test
    void downloadsWholeFramesAndResumesPartOfOneWithIfRange() throws Exception {
        try (AgentClient client = client(pair())) {
            client.capture(CaptureCommand.START);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> client.frames(Optional.empty(), 10).frames().size() >= 2);
            FramePage page = client.frames(Optional.empty(), 1);
            FrameInfo first = page.frames().get(0);
            assertThat(page.next()).isPresent();

            byte[] whole;
            try (FrameDownload download = client.download(first.id(), 0, Optional.empty())) {
                assertThat(download.status()).isEqualTo(200);
                assertThat(download.sha256()).contains(first.sha256());
                assertThat(download.etag()).contains("\"" + first.sha256() + "\"");
                assertThat(download.fileSize()).hasValue(first.size());
                whole = download.body().readAllBytes();
            }
            assertThat(sha256(whole)).isEqualTo(first.sha256());

            int have = whole.length / 3;
            ByteArrayOutputStream assembled = new ByteArrayOutputStream();
            assembled.write(whole, 0, have);
            try (FrameDownload rest = client.download(first.id(), have, Optional.of(first.sha256()))) {
                assertThat(rest.status()).isEqualTo(206);
                assertThat(rest.firstByte()).isEqualTo(have);
                assertThat(rest.fileSize()).hasValue(first.size());
                assertThat(rest.sha256()).contains(first.sha256());
                rest.body().transferTo(assembled);
            }
            assertThat(sha256(assembled.toByteArray())).isEqualTo(first.sha256());

            try (FrameDownload changed = client.download(first.id(), have, Optional.of("\"" + "0".repeat(64) + "\""))) {
                assertThat(changed.status()).as("an If-Range that no longer matches gets the whole file")
                        .isEqualTo(200);
                assertThat(changed.firstByte()).isZero();
                assertThat(sha256(changed.body().readAllBytes())).isEqualTo(first.sha256());
            }

            AcknowledgementReceipt receipt = client.acknowledge(new Acknowledgement(first.id().epoch(), 1, 1));
            assertThat(receipt.newlyAcknowledged()).isEqualTo(1);
            assertThat(client.acknowledge(new Acknowledgement(first.id().epoch(), 1, 1)).newlyAcknowledged()).isZero();
        }
    }

    @Test
    void theAgentsRefusalsArriveWithKindCodeReasonAndRemedy() throws Exception {
        try (AgentClient client = client(pair())) {
            assertThatThrownBy(() -> client.capture(CaptureCommand.PAUSE))
                    .isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(409);
                        assertThat(refused.code()).isEqualTo("state.wrong_state");
                        assertThat(refused.refusals().get(0).kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
                        assertThat(refused.refusals().get(0).reason()).contains("pause");
                        assertThat(refused.request()).isEqualTo("POST /api/v1/capture/pause");
                        assertThat(refused.getMessage()).contains("North field");
                    });
            FrameInfo missing = new FrameInfo(new studio.timelapse.shared.protocol.FrameId("nosuchepoch", 7),
                    Instant.EPOCH, 0, 1, "0".repeat(64), 1, 1, java.util.Map.of(), false);
            assertThatThrownBy(() -> client.download(missing.id(), 0, Optional.empty()).close())
                    .isInstanceOfSatisfying(AgentRefusedException.class,
                            refused -> assertThat(refused.status()).isEqualTo(404));
        }
    }

    @Test
    void aWrongPairingCodeIsRefusedWithTheAttemptsLeft() throws Exception {
        String code = agent.openPairingWindow();
        String wrong = code.equals("000000") ? "111111" : "000000";
        FirstContact contact = FirstContact.at(agent.address(), recording.log());
        assertThatThrownBy(() -> contact.pair(wrong, "Test studio", identity))
                .isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.code()).isEqualTo("pairing.code_wrong");
                    assertThat(refused.detail("pairing.code_wrong", "attempts_left")).isPresent();
                });
    }

    @Test
    void aCameraPresentingAnotherCertificateThanThePinnedOneIsRefused() throws Exception {
        PairedAgent paired = pair();
        PairedAgent impostor = new PairedAgent(paired.cameraId(), paired.name(), paired.address(),
                CertificateFingerprint.parse("ab".repeat(32)), paired.studioId());
        try (AgentClient client = client(impostor)) {
            assertThatThrownBy(client::health)
                    .isInstanceOfSatisfying(CameraUnreachableException.class, e -> {
                        assertThat(e.wrongCertificate()).isTrue();
                        assertThat(e.getMessage()).contains(agent.fingerprint().shortForm()).contains("pair it again");
                    });
        }
    }

    @Test
    void aStoppedAgentIsUnreachableWithAMessageNamingTheCameraAndTheRequest() throws Exception {
        try (AgentClient client = client(pair())) {
            client.status();
            agent.stop();
            assertThatThrownBy(client::status)
                    .isInstanceOfSatisfying(CameraUnreachableException.class, e -> assertThat(e.getMessage())
                            .contains("North field").contains("/api/v1/status").contains("refused"));
        }
    }

    @Test
    void tokensAreRenewedWhenDueAndAfterTheAgentForgotItsChallenges() throws Exception {
        try (AgentClient client = client(pair())) {
            client.status();
            assertThat(recording.ofType("studio:camera:token")).hasSize(2).as("started and succeeded once");

            clock.advance(Duration.ofMinutes(5));
            client.status();
            assertThat(recording.ofType("studio:camera:token")).as("still fresh").hasSize(2);

            agent.restart(); // challenges live in the agent's memory: the one we hold is gone
            clock.advance(Duration.ofMinutes(5));
            assertThat(client.status().state()).isEqualToIgnoringCase("IDLE");
            assertThat(recording.ofType("studio:camera:token")).hasSize(4);
            assertThat(recording.ofType("studio:camera:token_challenge")).hasSize(1);
        }
    }

    @Test
    void aTokenTheAgentRefusesIsReplacedAndTheRequestSentOnceMore() throws Exception {
        try (AgentClient client = client(pair())) {
            client.status();
            client.tokens().remember("not-a-token", clock.instant().plus(Duration.ofMinutes(5)));
            assertThat(client.status().state()).isEqualToIgnoringCase("IDLE");
            assertThat(recording.ofType("studio:camera:token_refused")).hasSize(1);
        }
    }

    @Test
    void everyRequestContinuesTheStudiosTaskInTheAgentsLog() throws Exception {
        try (AgentClient client = client(pair())) {
            String taskUuid;
            try (Action sync = recording.log().start("studio:test:sync")) {
                taskUuid = sync.taskUuid();
                client.status();
            }
            List<String> agentSide = client.taskLog(taskUuid);
            assertThat(agentSide).anySatisfy(line -> assertThat(line).contains("eliot:remote_task"));
            assertThat(agentSide).anySatisfy(line -> assertThat(line).contains("/api/v1/status"));
            assertThat(client.taskLog(java.util.UUID.randomUUID().toString())).isEmpty();
        }
    }

    @Test
    void anUnpairedStudioIsRefusedAndToldToPairAgain() throws Exception {
        try (AgentClient client = client(pair())) {
            client.unpair();
            assertThatThrownBy(client::status).isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.hasCode("auth.studio_not_paired")).isTrue();
            });
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] readAll(InputStream in) throws Exception {
        return in.readAllBytes();
    }
}
