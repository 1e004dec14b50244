package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;

/** Shows where data and logs live on this machine, without creating anything. */
@Command(
        name = "paths",
        description = {
            "Shows where the studio and the camera agent keep their data and logs on this machine.",
            "Nothing is created. Set TIMELAPSE_HOME or TIMELAPSE_CAMERA_HOME to move them."
        })
final class PathsCommand implements Callable<Integer> {
    private final AppHome homes;
    private final AgentLaunch agentLaunch;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    PathsCommand(AppHome homes, AgentLaunch agentLaunch) {
        this.homes = homes;
        this.agentLaunch = agentLaunch;
    }

    @Override
    public Integer call() {
        DataHome studio = homes.studio();
        DataHome agent = homes.agent(agentLaunch);
        PrintWriter out = spec.commandLine().getOut();
        print(out, "studio home", studio.root());
        print(out, "studio logs", studio.logs());
        // The library does not exist yet; this is where it will be kept.
        print(out, "library (planned)", studio.root().resolve("library"));
        print(out, "camera agent home", agent.root());
        print(out, "camera agent logs", agent.logs());
        return 0;
    }

    private static void print(PrintWriter out, String label, Path path) {
        out.printf("%-18s %s%n", label, path);
    }
}
