package studio.timelapse.camera.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import studio.timelapse.camera.agent.CameraAgent;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.capture.synthetic.SimulatedDay;
import studio.timelapse.camera.pairing.Opener;
import studio.timelapse.camera.security.AgentSecurity;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;

/**
 * The camera agent's command line: {@code timelapse camera run|pair|studios|unpair|paths|version|help}. Parsed by
 * hand because a few verbs do not justify a library on a small board; exit codes match the studio's (0 done, 1
 * failed, 2 wrong usage).
 */
final class CameraCommands {
    static final String NAME = "timelapse camera";
    private static final String HELP = """
            Usage: timelapse camera COMMAND
            The camera agent of Timelapse Studio.
              run [--host H] [--port N] [--simulate-day DURATION]
                                 Runs the agent: captures as configured in agent.json (the synthetic camera
                                 until you choose another) and serves the studio over HTTPS. Ctrl-C stops it;
                                 a capture that was running starts again with the agent.
                                 --simulate-day 2m: the synthetic camera shows a whole day (from 04:00 local
                                 time today) in that time, for demos; e.g. 90s, 2m, 1h.
              pair               Opens the pairing window for two minutes and shows the code and the
                                 certificate fingerprint to enter and compare in the studio.
              studios            Lists the paired studios.
              unpair STUDIO_ID   Revokes a paired studio at once.
              paths              Shows where the agent keeps its data and logs on this machine.
              version            Shows the version of the agent and of Java.
              help               Shows this help.
            --service with any command: the data of the agent that runs as a service (systemd on a Pi:
            /var/lib/timelapse-camera), e.g. 'sudo -u timelapse timelapse-camera pair --service'.
            Set TIMELAPSE_CAMERA_HOME to keep the agent's data in another folder.""";
    private static final String SERVICE = "--service";

    private final AppHome homes;
    private final AgentLaunch launch;
    private final Supplier<BuildInfo> build;
    private final PrintStream out;
    private final PrintStream err;

    /** @param launch how this process was started; {@code --service} overrides it */
    CameraCommands(AppHome homes, AgentLaunch launch, Supplier<BuildInfo> build, PrintStream out, PrintStream err) {
        this.homes = homes;
        this.launch = launch;
        this.build = build;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            return usageError("missing a command, e.g. '" + NAME + " paths'");
        }
        if (args.contains("-h") || args.contains("--help") || args.get(0).equals("help")) {
            out.println(HELP);
            return 0;
        }
        if (args.contains(SERVICE)) {
            // The service's data wherever this runs: 'sudo -u timelapse timelapse-camera pair --service' from a
            // terminal reaches the agent that systemd runs.
            List<String> rest = new java.util.ArrayList<>(args);
            rest.remove(SERVICE);
            return new CameraCommands(homes, AgentLaunch.SERVICE, build, out, err).run(rest);
        }
        String verb = args.get(0);
        List<String> options = args.subList(1, args.size());
        try {
            return switch (verb) {
                case "paths" -> paths(options);
                case "version" -> version(options);
                case "run" -> runAgent(options);
                case "pair" -> pair(options);
                case "studios" -> studios(options);
                case "unpair" -> unpair(options);
                default -> usageError("unknown command '" + verb + "'");
            };
        } catch (RuntimeException | IOException e) {
            err.println(NAME + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        }
    }

    private int runAgent(List<String> options) throws IOException {
        Optional<String> host = Optional.empty();
        Optional<Integer> port = Optional.empty();
        SceneClock sceneClock = SceneClock.realTime();
        for (int i = 0; i < options.size(); i += 2) {
            if (i + 1 >= options.size()) {
                return usageError(options.get(i) + " needs a value");
            }
            switch (options.get(i)) {
                case "--host" -> host = Optional.of(options.get(i + 1));
                case "--port" -> {
                    try {
                        port = Optional.of(Integer.parseInt(options.get(i + 1)));
                    } catch (NumberFormatException e) {
                        return usageError("--port takes a number, not " + options.get(i + 1));
                    }
                }
                case "--simulate-day" -> {
                    Optional<Duration> day = SimulatedDay.parseDuration(options.get(i + 1));
                    if (day.isEmpty()) {
                        return usageError("--simulate-day takes a duration such as 90s, 2m or 1h, not "
                                + options.get(i + 1));
                    }
                    sceneClock = SimulatedDay.startingNow(day.get(), Instant.now(), ZoneId.systemDefault());
                }
                default -> {
                    return usageError("run takes --host, --port and --simulate-day, not " + options.get(i));
                }
            }
        }
        DataHome home = homes.agent(launch);
        CameraAgent agent = CameraAgent.start(home, new CameraAgent.Options(host, port, sceneClock));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "agent-shutdown"));
        out.println("Camera agent '" + agent.settings().name() + "' on https port " + agent.port());
        out.println("  certificate  " + agent.fingerprint().shortForm());
        out.println("  home         " + home.root());
        out.println("  capture      " + agent.control().state().state().name().toLowerCase(Locale.ROOT)
                + " (" + agent.settings().capture().backend() + ")");
        out.println("Pair a studio: run '" + NAME + " pair' on this machine. Ctrl-C stops the agent.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The agent's database and security, for the console commands that run beside (or without) a running agent. */
    private <T> T withSecurity(Function<AgentSecurity, T> work) throws IOException {
        DataHome home = homes.agent(launch);
        home.createFolders();
        try (SqliteDatabase db = SqliteDatabase.open(
                        home.root().resolve("agent.sqlite"));
                ActionLog log = ActionLog.builder("camera-console").logDirectory(home.logs()).build()) {
            return work.apply(AgentSecurity.builder(home.root().resolve("identity"), db, log).build());
        }
    }

    private int pair(List<String> options) throws IOException {
        if (!options.isEmpty()) {
            return usageError("pair takes no options, not " + options);
        }
        return withSecurity(security -> {
            var window = security.pairingWindows().open(Opener.CONSOLE);
            window.consoleLines(security.identity().fingerprint(), ZoneId.systemDefault())
                    .forEach(out::println);
            return 0;
        });
    }

    private int studios(List<String> options) throws IOException {
        if (!options.isEmpty()) {
            return usageError("studios takes no options, not " + options);
        }
        return withSecurity(security -> {
            var studios = security.studios().list();
            if (studios.isEmpty()) {
                out.println("No studio is paired. Run '" + NAME + " pair' to pair one.");
            }
            studios.forEach(studio -> out.printf("%s  %s  paired %s%n", studio.studioId(), studio.name(),
                    studio.pairedAt()));
            return 0;
        });
    }

    private int unpair(List<String> options) throws IOException {
        if (options.size() != 1) {
            return usageError("unpair takes the studio's id, as '" + NAME + " studios' shows it");
        }
        return withSecurity(security -> {
            if (security.unpair(options.get(0), "unpaired on the camera's console")) {
                out.println("Studio " + options.get(0) + " is unpaired; its tokens no longer work.");
                return 0;
            }
            err.println(NAME + ": no paired studio " + options.get(0));
            return 1;
        });
    }

    private int paths(List<String> options) {
        if (!options.isEmpty()) {
            return usageError("paths takes only --service, not " + options);
        }
        DataHome agent = homes.agent(launch);
        print("camera agent home", agent.root());
        print("camera agent logs", agent.logs());
        return 0;
    }

    private int version(List<String> options) {
        if (!options.isEmpty()) {
            return usageError("version takes no options, not " + options);
        }
        build.get().describe().forEach(out::println);
        return 0;
    }

    private void print(String label, Path path) {
        out.printf("%-18s %s%n", label, path);
    }

    private int usageError(String problem) {
        err.println(NAME + ": " + problem + ".");
        err.println("Run '" + NAME + " --help' for usage.");
        return 2;
    }
}
