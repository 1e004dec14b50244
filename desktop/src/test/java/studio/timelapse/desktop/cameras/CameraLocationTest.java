package studio.timelapse.desktop.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.cameras.client.EventSubscription;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.protocol.CameraLocation;

/** The studio keeps where a camera stands as its agent is configured, for the daytime rules of its sequences. */
class CameraLocationTest {
    private static final CameraLocation GENEVA = new CameraLocation(46.2044, 6.1432, "Europe/Zurich");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @TempDir
    Path agentHome;

    private LoopbackAgent agent;
    private CameraServices cameras;

    @AfterEach
    void stop() {
        if (cameras != null) {
            cameras.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private String pairAnAgentConfiguredWith(Optional<CameraLocation> location) throws Exception {
        agent = LoopbackAgent.start(agentHome, 0, location);
        cameras = CameraServices.open(fixture.library(), client -> client.eventTiming(new EventSubscription.Timing(
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(45))));
        cameras.directory().add(agent.address(), Optional.of("Lake"));
        CameraPairing.Paired paired = cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(),
                "Test studio");
        assertThat(paired.camera().id()).isEqualTo(agent.id());
        return agent.id();
    }

    private Optional<GeoPosition> stored(String cameraId) {
        return Cameras.of(fixture.library()).find(cameraId).flatMap(Camera::location);
    }

    @Test
    void pairingACameraWhoseAgentKnowsWhereItStandsStoresThatPlace() throws Exception {
        String id = pairAnAgentConfiguredWith(Optional.of(GENEVA));

        assertThat(stored(id)).contains(GENEVA.position());
    }

    @Test
    void theWatchLearnsTheAgentsLocationWhenTheCamerasStreamConnects() throws Exception {
        String id = pairAnAgentConfiguredWith(Optional.of(GENEVA));
        Cameras.of(fixture.library()).locate(id, Optional.empty()); // as a library paired before locations were kept

        cameras.watch();

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).isPresent());
        assertThat(stored(id)).contains(GENEVA.position());
    }
}
