package studio.timelapse.desktop.sync;

import java.nio.file.Path;
import java.util.Optional;
import studio.timelapse.camera.agent.CameraAgent;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.shared.home.DataHome;

/** A camera agent in a process of its own, for a test to kill: {@code <home> <port>}; prints READY once it serves. */
public final class AgentProcessMain {
    private AgentProcessMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        CameraAgent agent = CameraAgent.start(new DataHome("camera agent home", "TIMELAPSE_CAMERA_HOME", home),
                new CameraAgent.Options(Optional.of("127.0.0.1"), Optional.of(port), SceneClock.realTime()));
        System.out.println("READY " + agent.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
