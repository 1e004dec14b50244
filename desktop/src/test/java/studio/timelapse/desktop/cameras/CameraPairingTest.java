package studio.timelapse.desktop.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.cameras.client.CameraUnreachableException;
import studio.timelapse.desktop.cameras.client.CertificateMismatchException;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.shared.refusal.RefusedException;

/** Adding, pairing and unpairing real agents on loopback, with the library and the camera states. */
class CameraPairingTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @TempDir
    Path agentHome;

    private LoopbackAgent agent;
    private CameraServices cameras;

    @BeforeEach
    void start() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        cameras = CameraServices.open(fixture.library());
    }

    @AfterEach
    void stop() {
        cameras.close();
        agent.close();
    }

    private CameraState state() {
        return cameras.states().current(agent.id()).orElseThrow().state();
    }

    @Test
    void aCameraAddedByAddressIsDiscoveredThenPairedWithTheCodeItShows() throws Exception {
        CameraDirectory.Added added = cameras.directory().add(agent.address(), Optional.of("North field"));
        assertThat(added.camera().camera().id()).isEqualTo(agent.id());
        assertThat(added.presented()).isEqualTo(agent.fingerprint());
        assertThat(added.camera().state()).isEqualTo(CameraState.DISCOVERED);

        CameraPairing.Paired paired = cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(),
                "Test studio");
        assertThat(paired.fingerprintShort()).isEqualTo(agent.fingerprint().shortForm());
        Camera stored = fixture.cameras().find(agent.id()).orElseThrow();
        assertThat(stored.paired()).isTrue();
        assertThat(stored.certificateFingerprint()).contains(agent.fingerprint().colonHex());
        assertThat(stored.name()).isEqualTo("North field");
        assertThat(state()).isEqualTo(CameraState.PAIRED);
        assertThat(CameraState.agentStateName(cameras.control().status(agent.id()).state())).isEqualTo("IDLE");
        assertThat(state()).isEqualTo(CameraState.ONLINE);
        assertThat(cameras.states().history(agent.id())).extracting(step -> step.transition())
                .containsExactly("create", "ready", "pair", "paired", "online");
    }

    @Test
    void aWrongCodeIsTheCamerasRefusalAndLeavesTheCameraDiscovered() throws Exception {
        cameras.directory().add(agent.address(), Optional.empty());
        String code = agent.openPairingWindow();
        String wrong = code.equals("123456") ? "654321" : "123456";
        assertThatThrownBy(() -> cameras.pairing().pair(agent.id(), wrong, Optional.empty(), "Test studio"))
                .isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("pairing.code_wrong");
                    assertThat(refused.refusals().get(0).reason()).isNotBlank();
                });
        assertThat(state()).isEqualTo(CameraState.DISCOVERED);
        assertThat(fixture.cameras().find(agent.id()).orElseThrow().paired()).isFalse();
        // The window is still open, but this address must wait a moment after a wrong code; then the right code pairs.
        assertThatThrownBy(() -> cameras.pairing().pair(agent.id(), code, Optional.empty(), "Test studio"))
                .isInstanceOfSatisfying(AgentRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.getMessage()).contains("wait 1 s");
                });
        Thread.sleep(1_100);
        cameras.pairing().pair(agent.id(), code, Optional.empty(), "Test studio");
        assertThat(state()).isEqualTo(CameraState.PAIRED);
    }

    @Test
    void theCodeIsNotSentToACameraPresentingAnotherFingerprintThanItsConsoleShows() throws Exception {
        cameras.directory().add(agent.address(), Optional.empty());
        String code = agent.openPairingWindow();
        assertThatThrownBy(() -> cameras.pairing().pair(agent.id(), code, Optional.of("0000-1111-2222"), "Studio"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusals().get(0).code())
                        .isEqualTo("camera.fingerprint_differs"));
        assertThat(agent.agent().security().pairingWindows().current().orElseThrow().attemptsLeft())
                .as("no attempt spent").isEqualTo(5);
        cameras.pairing().pair(agent.id(), code, Optional.of(agent.fingerprint().shortForm()), "Studio");
        assertThat(state()).isEqualTo(CameraState.PAIRED);
    }

    @Test
    void aPairedCameraWhoseCertificateChangedIsRefusedAsAnImpostorWouldBe() throws Exception {
        cameras.directory().add(agent.address(), Optional.empty());
        cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(), "Test studio");
        agent.stop();
        Files.move(agentHome.resolve("identity"), agentHome.resolve("identity.broken"));
        agent.restart(); // a new key and certificate, same id and address
        assertThatThrownBy(() -> cameras.control().status(agent.id()))
                .isInstanceOfSatisfying(CameraUnreachableException.class, e -> {
                    assertThat(e.wrongCertificate()).isTrue();
                    assertThat(e.getMessage()).contains("pair it again");
                });
        assertThat(state()).isEqualTo(CameraState.ERROR);
    }

    @Test
    void aDeviceInTheMiddleIsCaughtBecauseThePairingAnswerNamesAnotherCertificate() throws Exception {
        try (TlsInterceptor middle = TlsInterceptor.relayingTo(agent.address(), agentHome.resolve("middle"),
                fixture.log().log())) {
            CameraDirectory.Added added = cameras.directory().add(middle.address(), Optional.empty());
            assertThat(added.presented()).isEqualTo(middle.fingerprint());
            assertThatThrownBy(() -> cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(),
                    "Test studio"))
                    .isInstanceOfSatisfying(CertificateMismatchException.class, e -> {
                        assertThat(e.presented()).isEqualTo(middle.fingerprint());
                        assertThat(e.claimed()).isEqualTo(agent.fingerprint());
                        assertThat(e.getMessage()).contains("another device may be answering in its place");
                    });
        }
        assertThat(fixture.cameras().find(agent.id()).orElseThrow().paired()).as("nothing pinned").isFalse();
        assertThat(state()).isEqualTo(CameraState.DISCOVERED);
    }

    @Test
    void unpairingTellsTheCameraAndForgetsIt() throws Exception {
        cameras.directory().add(agent.address(), Optional.empty());
        cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(), "Test studio");
        assertThat(agent.agent().security().studios().list()).hasSize(1);

        CameraPairing.Unpaired unpaired = cameras.pairing().unpair(agent.id());
        assertThat(unpaired.cameraTold()).isTrue();
        assertThat(agent.agent().security().studios().list()).isEmpty();
        assertThat(fixture.cameras().find(agent.id()).orElseThrow().paired()).isFalse();
        assertThat(state()).isEqualTo(CameraState.DISCOVERED);
        assertThatThrownBy(() -> cameras.control().status(agent.id()))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusals().get(0).code())
                        .isEqualTo("camera.not_paired"));
    }

    @Test
    void aCameraThatIsGoneIsStillForgottenHere() throws Exception {
        cameras.directory().add(agent.address(), Optional.empty());
        cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(), "Test studio");
        agent.stop();
        CameraPairing.Unpaired unpaired = cameras.pairing().unpair(agent.id());
        assertThat(unpaired.cameraTold()).isFalse();
        assertThat(unpaired.whyNotTold()).hasValueSatisfying(why -> assertThat(why).contains("refused"));
        assertThat(fixture.cameras().find(agent.id()).orElseThrow().paired()).isFalse();
        assertThat(state()).isEqualTo(CameraState.DISCOVERED);
    }

    @Test
    void pairingAnUnknownCameraIsRefusedWithTheWayToFindOne() {
        assertThatThrownBy(() -> cameras.pairing().pair("camera-nope", "123456", Optional.empty(), "Studio"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    assertThat(refused.refusals().get(0).code()).isEqualTo("camera.unknown");
                    assertThat(refused.refusals().get(0).remedy()).hasValueSatisfying(
                            remedy -> assertThat(remedy).contains("timelapse cameras add"));
                });
    }
}
