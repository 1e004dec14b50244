package studio.timelapse.camera.cli;

import java.util.List;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** Entry point of the camera agent's jar: its command line, wired to this process. */
public final class CameraMain {
    private CameraMain() {}

    public static void main(String[] args) {
        CameraCommands commands = new CameraCommands(
                AppHome.ofThisProcess(), AgentLaunch.ofThisProcess(), BuildInfo::load, System.out, System.err);
        System.exit(commands.run(List.of(args)));
    }
}
