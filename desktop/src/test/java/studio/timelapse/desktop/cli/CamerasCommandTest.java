package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.discovery.AddressSource;
import studio.timelapse.camera.discovery.DiscoveryAnnouncer;
import studio.timelapse.camera.discovery.JmdnsResponder;
import studio.timelapse.camera.discovery.ServiceAnnouncement;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.shared.testing.RecordingLog;

/** {@code timelapse cameras …} against a real agent on loopback: messages and exit codes. */
class CamerasCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path agentHome;

    private LoopbackAgent agent;

    @BeforeEach
    void startAgent() throws Exception {
        agent = LoopbackAgent.start(agentHome);
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    private String address() {
        return agent.address().toString();
    }

    @Test
    void aCameraIsAddedPairedControlledAndUnpairedFromTheCommandLine() {
        CliRunner.Run added = run("cameras", "add", address(), "--name", "North field");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added camera 'North field'").contains(agent.fingerprint().shortForm())
                .contains("timelapse cameras pair " + agent.id());

        CliRunner.Run paired = run("cameras", "pair", agent.id(), "--code", agent.openPairingWindow(), "--fingerprint",
                agent.fingerprint().shortForm());
        assertThat(paired.exitCode()).as(paired.err()).isZero();
        assertThat(paired.out()).contains("Paired with camera 'North field'").contains(agent.fingerprint().shortForm());

        CliRunner.Run listed = run("cameras", "list");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(agent.id()).contains("North field").contains("paired since")
                .contains(agent.fingerprint().shortForm());

        CliRunner.Run started = run("cameras", "start", agent.id());
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("Camera 'North field' is capturing");

        CliRunner.Run status = run("cameras", "status", agent.id());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("capturing since").contains("commands:").contains("pause");

        assertThat(run("cameras", "pause", agent.id()).out()).contains("is paused");
        CliRunner.Run again = run("cameras", "pause", agent.id());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("timelapse cameras pause: ").containsIgnoringCase("paused");

        CliRunner.Run changed = run("cameras", "settings", agent.id(), "--interval", "5");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("interval: 5 s");
        CliRunner.Run wrong = run("cameras", "settings", agent.id(), "--interval", "0.1");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("0.5 s");

        assertThat(run("cameras", "stop", agent.id()).exitCode()).isZero();
        CliRunner.Run unpaired = run("cameras", "unpair", agent.id());
        assertThat(unpaired.exitCode()).isZero();
        assertThat(unpaired.out()).contains("it forgot this studio");
        assertThat(run("cameras", "list").out()).contains("discovered since").contains("(not paired)");
    }

    @Test
    void aWrongCodeIsRefusedWithTheCamerasReasonAndExitCodeOne() {
        run("cameras", "add", address());
        String code = agent.openPairingWindow();
        String wrong = code.equals("111111") ? "222222" : "111111";
        CliRunner.Run refused = run("cameras", "pair", agent.id(), "--code", wrong);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("timelapse cameras pair: ").contains("code");
    }

    @Test
    void anUnreachableCameraSaysSinceWhenItIsOfflineAndWhatToDo() {
        run("cameras", "add", address());
        run("cameras", "pair", agent.id(), "--code", agent.openPairingWindow());
        agent.stop();
        CliRunner.Run status = run("cameras", "status", agent.id());
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).contains("is offline since").contains("check its power or network");
        CliRunner.Run forgotten = run("cameras", "unpair", agent.id());
        assertThat(forgotten.exitCode()).isZero();
        assertThat(forgotten.out()).contains("could not be told").contains("./timelapse camera unpair ");
    }

    @Test
    void mistakesOnTheCommandLineAndUnknownCamerasAreExplained() {
        assertThat(run("cameras", "list").out()).contains("No library at");
        CliRunner.Run badAddress = run("cameras", "add", "host:port");
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.err()).contains("the port must be a number");
        run("cameras", "add", address());
        CliRunner.Run unknown = run("cameras", "start", "camera-nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("knows no camera camera-nope").contains("timelapse cameras list");
        CliRunner.Run noCode = run("cameras", "pair", agent.id());
        assertThat(noCode.exitCode()).isEqualTo(2);
        assertThat(noCode.err()).contains("--code");
        CliRunner.Run notPaired = run("cameras", "start", agent.id());
        assertThat(notPaired.exitCode()).isEqualTo(1);
        assertThat(notPaired.err()).contains("is not paired").contains("timelapse cameras pair");
    }

    @Test
    void discoverFindsTheCamerasAnnouncedOnTheNetworkAndAddsThem() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.net.NetworkInterface.getByInetAddress(loopback)
                .supportsMulticast() || "true".equals(System.getenv("CI")), "multicast is off on loopback");
        try (RecordingLog log = new RecordingLog();
                DiscoveryAnnouncer announcer = new DiscoveryAnnouncer(ServiceAnnouncement.of("Garden Pi",
                        agent.address().port(), agent.id(), "0.1.0"), AddressSource.only(loopback),
                        new JmdnsResponder(), "garden-pi", log.log(), Duration.ZERO).start()) {
            CliRunner.Run found = run("cameras", "discover", "--bind", "127.0.0.1", "--seconds", "4");
            assertThat(found.exitCode()).as(found.err()).isZero();
            assertThat(found.out()).contains(agent.id()).contains("Garden Pi").contains("1 camera found");
            assertThat(run("cameras", "list").out()).contains("Garden Pi").contains("discovered since");
        }
    }
}
