package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import studio.timelapse.camera.agent.AgentSettings;
import studio.timelapse.camera.agent.AgentSettingsFile;
import studio.timelapse.camera.agent.CameraAgent;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.pairing.Opener;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.shared.home.DataHome;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * A real camera agent on 127.0.0.1 with the synthetic camera (small frames, every 0.5 s), as a studio test talks to
 * it: its address, its pairing window (opened as the agent's console does), its fingerprint; restartable on the same
 * port and home.
 */
public final class LoopbackAgent implements AutoCloseable {
    private final Path home;
    private CameraAgent agent;
    private boolean running;
    private int port;

    private LoopbackAgent(Path home) {
        this.home = home;
    }

    /** Starts an agent in {@code home} (made on first use) on a free loopback port. */
    public static LoopbackAgent start(Path home) throws IOException {
        return start(home, 0);
    }

    /** Starts an agent in {@code home} on {@code port} of 127.0.0.1 (0: a free one). */
    public static LoopbackAgent start(Path home, int port) throws IOException {
        return start(home, port, Optional.empty());
    }

    /** As {@link #start(Path, int)}, with the camera's location configured on the agent as its owner would. */
    public static LoopbackAgent start(Path home, int port, Optional<CameraLocation> location) throws IOException {
        AgentSettingsFile file = new AgentSettingsFile(home);
        AgentSettings settings = file.loadOrCreate();
        file.save(settings.withCapture(new CaptureConfig("synthetic", FrameSettings.automatic().withSize(160, 90),
                ScheduleConfig.every(0.5), location)));
        LoopbackAgent loopback = new LoopbackAgent(home);
        loopback.agent = CameraAgent.start(dataHome(home), new CameraAgent.Options(Optional.of("127.0.0.1"),
                Optional.of(port), SceneClock.realTime()));
        loopback.port = loopback.agent.port();
        loopback.running = true;
        return loopback;
    }

    private static DataHome dataHome(Path home) {
        return new DataHome("camera agent home", "TIMELAPSE_CAMERA_HOME", home);
    }

    public AgentAddress address() {
        return AgentAddress.of("127.0.0.1", port);
    }

    public String id() {
        return agent.settings().id();
    }

    public String name() {
        return agent.settings().name();
    }

    public CertificateFingerprint fingerprint() {
        return agent.fingerprint();
    }

    /** Opens a pairing window as {@code ./timelapse camera pair} does; answers its code. */
    public String openPairingWindow() {
        return agent.security().pairingWindows().open(Opener.CONSOLE).code().digits();
    }

    public CameraAgent agent() {
        return agent;
    }

    /** Stops the agent and starts it again on the same home and port, as after a reboot. */
    public void restart() throws IOException {
        stop();
        agent = CameraAgent.start(dataHome(home), new CameraAgent.Options(Optional.of("127.0.0.1"), Optional.of(port),
                SceneClock.realTime()));
        running = true;
    }

    /** Stops the agent (a test may start it again with {@link #restart()}). */
    public void stop() {
        if (running) {
            running = false;
            agent.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
