package studio.timelapse.camera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** Runs the agent's command line in this JVM, as {@code ./timelapse camera <args>} would. */
class CameraCommandsTest {
    private static final AppHome LINUX_HOMES = new AppHome(Map.of(), "Linux", Path.of("/home/pi"));

    record Run(int exitCode, String out, String err) {}

    private static Run run(AgentLaunch launch, Supplier<BuildInfo> build, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new CameraCommands(LINUX_HOMES, launch, build,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(AgentLaunch.BY_HAND, () -> new BuildInfo("1.2.3"), args);
    }

    @Test
    void pathsShowsTheAgentHomeAndLogsForHowItWasStarted() {
        assertThat(run(AgentLaunch.BY_HAND, () -> new BuildInfo("1.2.3"), "paths").out().lines()).containsExactly(
                "camera agent home  /home/pi/.local/share/timelapse-camera",
                "camera agent logs  /home/pi/.local/share/timelapse-camera/logs");
        assertThat(run(AgentLaunch.SERVICE, () -> new BuildInfo("1.2.3"), "paths").out())
                .startsWith("camera agent home  /var/lib/timelapse-camera");
    }

    @Test
    void pathsServiceShowsWhereTheServiceKeepsItsData() {
        Run run = run("paths", "--service");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("camera agent home  /var/lib/timelapse-camera");
    }

    @Test
    void versionNamesTheBuild() {
        Run run = run("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).first().isEqualTo("Timelapse Studio 1.2.3");
    }

    @Test
    void pairOpensTheWindowAndShowsTheCodeAndFingerprintOnTheConsole(@org.junit.jupiter.api.io.TempDir Path home) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        CameraCommands commands = new CameraCommands(new AppHome(Map.of("TIMELAPSE_CAMERA_HOME", home.toString()),
                "Linux", home), AgentLaunch.BY_HAND, () -> new BuildInfo("1.2.3"), new PrintStream(outBytes, true),
                new PrintStream(errBytes, true));
        assertThat(commands.run(List.of("pair"))).isZero();
        assertThat(outBytes.toString()).contains("Pairing is open until").containsPattern("code\\s+\\d{3} \\d{3}")
                .contains("fingerprint");
        outBytes.reset();
        assertThat(commands.run(List.of("studios"))).isZero();
        assertThat(outBytes.toString()).startsWith("No studio is paired.");
        assertThat(commands.run(List.of("unpair", "nobody"))).isEqualTo(1);
    }

    @Test
    void helpListsTheCommands() {
        for (String[] args : new String[][] {{"help"}, {"--help"}, {"paths", "-h"}}) {
            Run run = run(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).startsWith("Usage: timelapse camera COMMAND")
                    .contains("  run ", "  pair ", "  studios ", "  unpair ", "  paths ", "  version ");
        }
    }

    @Test
    void anUnknownCommandExits2AndSaysHowToGetHelp() {
        Run run = run("capture");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                timelapse camera: unknown command 'capture'.
                Run 'timelapse camera --help' for usage.
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void noCommandOrAnUnknownOptionExits2() {
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("paths", "--everywhere").exitCode()).isEqualTo(2);
        assertThat(run("version", "--short").exitCode()).isEqualTo(2);
    }

    @Test
    void aFailureExits1WithOneLine() {
        Run run = run(AgentLaunch.BY_HAND, () -> {
            throw new IllegalStateException("build.properties is missing");
        }, "version");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("timelapse camera: build.properties is missing" + System.lineSeparator());
    }
}
