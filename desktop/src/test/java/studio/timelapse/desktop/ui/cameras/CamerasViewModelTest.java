package studio.timelapse.desktop.ui.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.ui.StudioSession;
import studio.timelapse.desktop.ui.TestStudio;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.protocol.CaptureCommand;

/**
 * The Cameras screen's view-model against a real studio session and real camera agents on loopback; work and UI run on
 * the test's thread.
 */
class CamerasViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path studioHome;

    @TempDir
    Path agentHome;

    private StudioSession session;
    private CamerasViewModel cameras;
    private LoopbackAgent agent;
    private final List<String> explained = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        session = TestStudio.open(studioHome, Clock.systemUTC());
        cameras = new CamerasViewModel(session.cameras(), session.library(), session.sync(), session.demoCameraHome(), "Test studio",
                ZoneId.of("UTC"), new UiWork(session.log(), Runnable::run, Runnable::run), explained::add);
    }

    @AfterEach
    void close() {
        cameras.close();
        session.close();
        if (agent != null) {
            agent.close();
        }
    }

    private CameraRow row() {
        return cameras.cameras().get(0);
    }

    private void addAndPair() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        cameras.addByAddress(agent.address().host() + ":" + agent.address().port(), "North field");
        PairingViewModel pairing = cameras.pairingProperty().get().orElseThrow();
        pairing.codeProperty().set(agent.openPairingWindow());
        pairing.pair();
        assertThat(pairing.problemProperty().get()).isEmpty();
    }

    @Test
    void withoutCamerasTheScreenOffersToAddOneOrStartTheDemo() {
        cameras.refresh();

        assertThat(cameras.cameras()).isEmpty();
        assertThat(cameras.noCamerasProperty().get()).isTrue();
        assertThat(cameras.capture(CaptureCommand.START).enabled()).isFalse();
    }

    @Test
    void aCameraAddedByAddressShowsTheCertificateItPresentedAndPairsWithTheCodeItShows() throws Exception {
        agent = LoopbackAgent.start(agentHome);

        cameras.addByAddress(agent.address().host() + ":" + agent.address().port(), "North field");

        PairingViewModel pairing = cameras.pairingProperty().get().orElseThrow();
        assertThat(pairing.cameraName()).isEqualTo("North field");
        assertThat(pairing.presentedFingerprint()).contains(agent.fingerprint().shortForm());
        assertThat(row().pairedProperty().get()).isFalse();
        assertThat(cameras.pairCommand().enabled()).isTrue();
        assertThat(cameras.capture(CaptureCommand.START).whyProperty().get()).contains("is not paired");

        pairing.codeProperty().set(agent.openPairingWindow());
        pairing.fingerprintReadProperty().set(agent.fingerprint().shortForm());
        assertThat(pairing.codeCompleteProperty().get()).isTrue();
        pairing.pair();

        assertThat(pairing.pinnedProperty().get()).contains(agent.fingerprint().shortForm());
        assertThat(row().pairedProperty().get()).isTrue();
        assertThat(row().fingerprintProperty().get()).isEqualTo(agent.fingerprint().shortForm());
        assertThat(row().freeSpaceProperty().get()).endsWith(" free");
        assertThat(cameras.pairCommand().enabled()).isFalse();
        assertThat(cameras.unpairCommand().enabled()).isTrue();
    }

    @Test
    void aWrongCodeIsRefusedWithTheCamerasReasonAndItsTask() throws Exception {
        agent = LoopbackAgent.start(agentHome);
        cameras.addByAddress(agent.address().host() + ":" + agent.address().port(), "North field");
        PairingViewModel pairing = cameras.pairingProperty().get().orElseThrow();
        String right = agent.openPairingWindow();
        pairing.codeProperty().set(right.equals("000000") ? "111111" : "000000");

        pairing.pair();

        assertThat(pairing.pinnedProperty().get()).isEmpty();
        var problem = pairing.problemProperty().get().orElseThrow();
        assertThat(problem.summary()).isEqualTo("Camera 'North field' was not paired");
        assertThat(String.join(" ", problem.reasons())).containsIgnoringCase("code");
        assertThat(problem.taskUuid()).isPresent();
    }

    @Test
    void captureButtonsFollowTheCamerasOwnMachineAndADisabledOneSaysWhy() throws Exception {
        addAndPair();
        cameras.refresh();
        assertThat(cameras.capture(CaptureCommand.START).enabled()).isTrue();
        assertThat(cameras.capture(CaptureCommand.PAUSE).enabled()).isFalse();
        assertThat(cameras.capture(CaptureCommand.PAUSE).whyProperty().get()).containsIgnoringCase("idle");

        cameras.send(CaptureCommand.START);

        assertThat(row().stateProperty().get()).isEqualTo(CameraState.CAPTURING);
        assertThat(row().stateTextProperty().get()).startsWith("capturing since ");
        assertThat(cameras.capture(CaptureCommand.PAUSE).enabled()).isTrue();
        assertThat(cameras.capture(CaptureCommand.START).enabled()).isFalse();
        assertThat(cameras.problemProperty().get()).isEmpty();
    }

    @Test
    void aCameraThatStoppedAnsweringIsOfflineAndItsButtonsSayWhatToCheck() throws Exception {
        addAndPair();
        cameras.refresh();
        agent.stop();

        cameras.refreshControls();

        String why = cameras.capture(CaptureCommand.START).whyProperty().get();
        assertThat(cameras.capture(CaptureCommand.START).enabled()).isFalse();
        assertThat(why).contains("'North field' is offline since").contains("check its power or network");
        cameras.refresh();
        assertThat(row().stateProperty().get()).isEqualTo(CameraState.OFFLINE);
    }

    @Test
    void settingsMistakesAreShownNextToTheirFieldsAndGoodOnesReachTheCamera() throws Exception {
        addAndPair();
        cameras.refresh();
        cameras.editSettings();
        CameraSettingsViewModel settings = cameras.editingProperty().get().orElseThrow();
        assertThat(settings.backendProperty().get()).isEqualTo("synthetic");
        assertThat(settings.intervalProperty().get()).isEqualTo("0.5");

        settings.intervalProperty().set("fast");
        settings.widthProperty().set("wide");
        settings.save();
        assertThat(settings.errors()).containsOnlyKeys(CameraSettingsViewModel.INTERVAL, CameraSettingsViewModel.SIZE);

        settings.intervalProperty().set("0.1");
        settings.widthProperty().set("160");
        settings.save();
        assertThat(settings.errors()).containsOnlyKeys(CameraSettingsViewModel.INTERVAL);
        assertThat(settings.errors().get(CameraSettingsViewModel.INTERVAL)).contains("0.5 s to 24 h");

        settings.intervalProperty().set("3");
        settings.qualityProperty().set("70");
        settings.save();
        assertThat(settings.errors()).isEmpty();
        assertThat(settings.savedProperty().get()).isTrue();
        var inForce = session.cameras().control().settings(agent.id());
        assertThat(inForce.schedule().intervalSeconds()).isEqualTo(3.0);
        assertThat(inForce.frame().jpegQuality()).isEqualTo(70);
    }

    @Test
    void theDemoCameraStartsAsAChildProcessPairsThroughItsConsoleAndItsFramesArrive() throws Exception {
        cameras.startDemo();

        assertThat(cameras.problemProperty().get()).isEmpty();
        assertThat(cameras.demoCameraRunning()).isTrue();
        assertThat(cameras.cameras()).extracting(r -> r.nameProperty().get()).containsExactly("Demo camera");
        assertThat(row().pairedProperty().get()).isTrue();
        // Capturing arrives through the camera's event stream, a moment after pairing.
        await().atMost(WAIT).untilAsserted(() -> {
            cameras.refresh();
            assertThat(row().stateProperty().get()).isEqualTo(CameraState.CAPTURING);
        });
        Frames frames = Frames.of(session.library());
        await().atMost(WAIT).until(() -> frames.count() >= 2);
        cameras.refresh();
        assertThat(row().lastFrameProperty().get()).isPresent();
        assertThat(row().lastFrameProperty().get().get().file()).exists();
    }
}
