package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** Runs the command line in this JVM, as {@code ./timelapse <args>} would, and reads what it printed. */
class TimelapseCliTest {
    private static final AppHome LINUX_HOMES = new AppHome(Map.of(), "Linux", Path.of("/home/ann"));

    record Run(int exitCode, String out, String err) {}

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** As {@code ./timelapse} runs: with the command tree {@link TimelapseCli#forArguments} builds for the arguments. */
    private static Run run(String... args) {
        return run(TimelapseCli.forArguments(LINUX_HOMES, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"), args), args);
    }

    private static CommandLine wholeTree() {
        return TimelapseCli.create(LINUX_HOMES, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"));
    }

    @Nested
    class OnlyTheNamedCommand {
        @Test
        void isRegisteredWhenTheArgumentsStartWithItsName() {
            CommandLine cli = TimelapseCli.forArguments(LINUX_HOMES, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"),
                    "render", "frames", "-o", "out.mp4");

            assertThat(cli.getSubcommands().keySet()).containsExactly("render");
        }

        @Test
        void helpAMisspeltCommandOrNoCommandGetTheWholeTree() {
            for (String[] args : new String[][] {{"help", "render"}, {"rendr"}, {"--help"}, {}}) {
                CommandLine cli = TimelapseCli.forArguments(LINUX_HOMES, AgentLaunch.BY_HAND,
                        new BuildInfo("1.2.3"), args);

                assertThat(cli.getSubcommands().keySet()).as(String.join(" ", args))
                        .isEqualTo(wholeTree().getSubcommands().keySet());
            }
        }

        @Test
        void answersEveryCommandsHelpAndErrorsAsTheWholeTreeDoes() {
            for (String name : wholeTree().getSubcommands().keySet()) {
                for (String[] args : new String[][] {{name, "--help"}, {name, "--frobnicate"}}) {
                    Run whole = run(wholeTree(), args);
                    Run named = run(args);

                    assertThat(named).as(String.join(" ", args)).isEqualTo(whole);
                }
            }
            String[] nested = {"cameras", "list", "--help"};
            assertThat(run(nested)).isEqualTo(run(wholeTree(), nested));
        }
    }

    @Nested
    class Paths {
        @Test
        void listsTheStudioHomeItsLogsAndLibraryAndTheAgentHome() {
            Run run = run("paths");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines()).containsExactly(
                    "studio home        /home/ann/.local/share/timelapse-studio",
                    "studio logs        /home/ann/.local/share/timelapse-studio/logs",
                    "library (planned)  /home/ann/.local/share/timelapse-studio/library",
                    "camera agent home  /home/ann/.local/share/timelapse-camera",
                    "camera agent logs  /home/ann/.local/share/timelapse-camera/logs");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void followsTheEnvironmentAndHowTheAgentRunsOnThisMachine() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", "/srv/studio"), "Linux", Path.of("/home/ann"));

            Run run = run(TimelapseCli.create(homes, AgentLaunch.SERVICE, new BuildInfo("1.2.3")), "paths");

            assertThat(run.out())
                    .contains("studio home        /srv/studio")
                    .contains("camera agent home  /var/lib/timelapse-camera");
        }
    }

    @Nested
    class Version {
        @Test
        void namesTheBuildAndTheJavaItRunsOn() {
            Run run = run("version");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines()).first().isEqualTo("Timelapse Studio 1.2.3");
            assertThat(run.out()).contains("Java " + System.getProperty("java.version"));
        }

        @Test
        void theVersionOptionPrintsTheSame() {
            assertThat(run("--version").out()).isEqualTo(run("version").out());
        }
    }

    @Nested
    class Help {
        @Test
        void offersOnlyTheCommandsThatWorkToday() {
            CommandLine cli = wholeTree();

            assertThat(cli.getSubcommands().keySet()).containsExactly("paths", "version", "cameras", "sync", "import",
                    "ingest", "library", "sequences", "render", "schedules", "jobs", "log", "studio", "demo", "help");
        }

        @Test
        void listsTheCommandsAndPointsToTheCameraAgentsOwn() {
            Run run = run("--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: timelapse")
                    .contains("  paths ", "  version ", "  log ", "  jobs ", "  help ", "timelapse camera --help");
        }

        @Test
        void isAvailableForEachCommand() {
            assertThat(run("paths", "--help").out()).startsWith("Usage: timelapse paths");
            assertThat(run("help", "version").out()).startsWith("Usage: timelapse version");
        }
    }

    @Nested
    class UsageErrors {
        @Test
        void anUnknownCommandExits2AndSaysHowToGetHelp() {
            Run run = run("frobnicate");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("'frobnicate'", "Run 'timelapse --help' for usage.");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void noCommandAtAllExits2() {
            Run run = run();

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("timelapse: Missing a command");
        }

        @Test
        void anUnknownOptionOfACommandNamesThatCommand() {
            Run run = run("paths", "--frobnicate");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("timelapse paths: Unknown option: '--frobnicate'")
                    .contains("Run 'timelapse paths --help' for usage.");
        }
    }

    @Nested
    class Failures {
        @Command(name = "explode")
        static final class Exploding implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("the disk is full");
            }
        }

        @Test
        void aFailingCommandExits1WithOneLineAndNoStackTrace() {
            CommandLine cli = TimelapseCli.create(LINUX_HOMES, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"))
                    .addSubcommand(new Exploding());

            Run run = run(cli, "explode");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("timelapse explode: the disk is full" + System.lineSeparator());
        }
    }
}
