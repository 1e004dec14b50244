package studio.timelapse.camera.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;

/**
 * The camera agent's command line: {@code timelapse camera paths|version|help}. Parsed by hand because three verbs
 * do not justify a library on a small board; exit codes match the studio's (0 done, 1 failed, 2 wrong usage).
 */
final class CameraCommands {
    static final String NAME = "timelapse camera";
    private static final String HELP = """
            Usage: timelapse camera COMMAND
            The camera agent of Timelapse Studio. It does not capture yet; these commands work today:
              paths [--service]  Shows where the agent keeps its data and logs on this machine.
                                 --service: where it keeps them when it runs as a service.
              version            Shows the version of the agent and of Java.
              help               Shows this help.
            Set TIMELAPSE_CAMERA_HOME to keep the agent's data in another folder.""";

    private final AppHome homes;
    private final AgentLaunch launch;
    private final Supplier<BuildInfo> build;
    private final PrintStream out;
    private final PrintStream err;

    /** @param launch how this process was started; {@code paths --service} overrides it */
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
        String verb = args.get(0);
        List<String> options = args.subList(1, args.size());
        try {
            return switch (verb) {
                case "paths" -> paths(options);
                case "version" -> version(options);
                default -> usageError("unknown command '" + verb + "'");
            };
        } catch (RuntimeException e) {
            err.println(NAME + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        }
    }

    private int paths(List<String> options) {
        if (!options.isEmpty() && !options.equals(List.of("--service"))) {
            return usageError("paths takes only --service, not " + options);
        }
        DataHome agent = homes.agent(options.isEmpty() ? launch : AgentLaunch.SERVICE);
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
