package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.cli.TimelapseCli;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** {@code timelapse sync}: from the command line against a real agent, with plain lines when not on a terminal. */
class SyncCommandTest {
    private final ScratchFolder root = new ScratchFolder("sync-cli");
    private LoopbackAgent agent;

    record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        Path home = root.resolve("home");
        AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", home.toString()), "Linux", home);
        CommandLine cli = TimelapseCli.create(homes, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        root.close();
    }

    private String pairedCamera() throws Exception {
        agent = LoopbackAgent.start(root.resolve("agent"));
        new SeededAgent().seed(agent, 30, 20 * 1024);
        try (SyncingStudio studio = new SyncingStudio(root.resolve("home").resolve("library"),
                SyncSettings.defaults())) {
            return studio.pair(agent.address(), agent.openPairingWindow());
        }
    }

    @Test
    void syncsEveryPairedCameraAndSaysSo() throws Exception {
        pairedCamera();

        Run run = run("sync");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("North field: up to date, 30 frames synced.");
        assertThat(run.out()).doesNotContain("\033[");
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isEqualTo(30);

        Run again = run("sync", "north FIELD");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("North field: up to date, 0 frames synced.");
    }

    @Test
    void namesWhatIsMissingWithAnExitCodeOfOne() throws Exception {
        Run noLibrary = run("sync");
        assertThat(noLibrary.exitCode()).isEqualTo(1);
        assertThat(noLibrary.err()).contains("there is no library yet");

        pairedCamera();
        Run unknown = run("sync", "South field");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no paired camera is called 'South field'");

        Run badLimit = run("sync", "--limit", "fast");
        assertThat(badLimit.exitCode()).isEqualTo(2);
        assertThat(badLimit.err()).contains("--limit is bytes a second");
    }
}
