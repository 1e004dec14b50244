package studio.timelapse.desktop.cameras.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.discovery.AddressSource;
import studio.timelapse.camera.discovery.DiscoveryAnnouncer;
import studio.timelapse.camera.discovery.JmdnsResponder;
import studio.timelapse.camera.discovery.ServiceAnnouncement;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.cameras.CameraView;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.library.LibraryFixture;

/**
 * A real agent announcing itself over mDNS on loopback, and the studio browsing loopback only: nothing leaves the
 * machine. Needs multicast on the loopback interface, which CI's namespace has; elsewhere the test is skipped.
 */
class CameraDiscoveryTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @TempDir
    Path agentHome;

    private LoopbackAgent agent;
    private DiscoveryAnnouncer announcer;

    @BeforeEach
    void announceARealAgentOnLoopback() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(LOOPBACK);
        boolean multicast = loopback != null && loopback.isUp() && loopback.supportsMulticast();
        String why = "multicast is off on the loopback interface; turn it on with: ip link set lo multicast on";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(multicast, why);
        } else {
            assumeTrue(multicast, why);
        }
        agent = LoopbackAgent.start(agentHome);
        announcer = new DiscoveryAnnouncer(ServiceAnnouncement.of("Garden Pi", agent.address().port(), agent.id(),
                        "0.1.0").withFingerprint(agent.fingerprint().shortForm()), AddressSource.only(LOOPBACK),
                new JmdnsResponder(), "garden-pi", fixture.log().log(), Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        if (announcer != null) {
            announcer.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void findsTheCameraWithItsIdNameVersionFingerprintAndAddress() throws Exception {
        List<DiscoveredCamera> told = new CopyOnWriteArrayList<>();
        try (CameraDiscovery discovery = CameraDiscovery.start(Set.of(LOOPBACK), fixture.log().log(), told::add)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !discovery.cameras().isEmpty());
            DiscoveredCamera found = discovery.cameras().get(0);
            assertThat(found.cameraId()).isEqualTo(agent.id());
            assertThat(found.name()).isEqualTo("Garden Pi");
            assertThat(found.version()).isEqualTo("0.1.0");
            assertThat(found.fingerprintShort()).contains(agent.fingerprint().shortForm());
            assertThat(found.addresses()).contains(AgentAddress.of("127.0.0.1", agent.address().port()));
            assertThat(told).isNotEmpty();
        }
    }

    @Test
    void aDiscoveredCameraJoinsTheLibraryAndCanBePaired() throws Exception {
        try (CameraServices cameras = CameraServices.open(fixture.library());
                CameraDiscovery discovery = CameraDiscovery.start(Set.of(LOOPBACK), fixture.log().log(),
                        found -> cameras.directory().discovered(found))) {
            // The camera's row is created (initialising) and then moved to discovered: wait for the second step.
            await().atMost(Duration.ofSeconds(20)).until(() -> cameras.directory().find(agent.id())
                    .filter(found -> found.state() != CameraState.INITIALISING).isPresent());
            CameraView view = cameras.directory().find(agent.id()).orElseThrow();
            assertThat(view.camera().name()).isEqualTo("Garden Pi");
            assertThat(view.state()).isEqualTo(CameraState.DISCOVERED);
            cameras.pairing().pair(agent.id(), agent.openPairingWindow(), Optional.empty(), "Test studio");
            assertThat(cameras.directory().find(agent.id()).orElseThrow().state()).isEqualTo(CameraState.PAIRED);
        }
    }
}
