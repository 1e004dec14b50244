package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** Runs {@code timelapse …} in this JVM with {@code TIMELAPSE_HOME} set to a test's folder, capturing its output. */
final class CliRunner {
    private final Path home;

    CliRunner(Path home) {
        this.home = home;
    }

    record Run(int exitCode, String out, String err) {}

    Run run(String... args) {
        AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", home.toString()), "Linux", home);
        CommandLine cli = TimelapseCli.forArguments(homes, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }
}
