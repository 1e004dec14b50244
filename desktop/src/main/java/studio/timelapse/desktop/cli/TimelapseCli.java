package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.UnmatchedArgumentException;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/**
 * Builds the {@code timelapse} command tree. Only commands that work today are registered; each new one is added
 * here when it exists. Exit codes: 0 done, 1 failed, 2 the command line was wrong.
 */
public final class TimelapseCli {
    private TimelapseCli() {}

    /** The whole command tree, every command registered. */
    public static CommandLine create(AppHome homes, AgentLaunch agentLaunch, BuildInfo build) {
        return tree(commands(homes, agentLaunch), build);
    }

    /**
     * The command tree for running {@code args}: when they start with a command's name, only that command is
     * registered under {@code timelapse}, which runs it exactly as the whole tree would. Picocli reads every
     * registered command's options, groups and subcommands by reflection up front — about 0.2 s of a
     * {@code timelapse render}'s start for the fourteen other commands. Anything else (no command, an option, a
     * misspelt command, {@code help}) gets the whole tree, for its usage and "did you mean" suggestions.
     */
    public static CommandLine forArguments(AppHome homes, AgentLaunch agentLaunch, BuildInfo build, String... args) {
        List<Object> commands = commands(homes, agentLaunch);
        if (args.length > 0) {
            for (Object command : commands) {
                if (namedBy(command, args[0]) && !(command instanceof CommandLine.HelpCommand)) {
                    return tree(List.of(command), build);
                }
            }
        }
        return tree(commands, build);
    }

    /** Every command, in the order of the usage (constructing them is cheap; reading them is what costs). */
    private static List<Object> commands(AppHome homes, AgentLaunch agentLaunch) {
        return List.of(
                new PathsCommand(homes, agentLaunch),
                new VersionCommand(),
                new CamerasCommand(homes, ZoneId.systemDefault(), Clock.systemUTC()),
                new SyncCommand(homes),
                new ImportCommand(homes, ZoneId.systemDefault()),
                new IngestCommand(homes),
                new LibraryCommand(homes),
                new SequencesCommand(homes, ZoneId.systemDefault()),
                new RenderCommand(homes, ZoneId.systemDefault()),
                new SchedulesCommand(homes),
                new JobsCommand(homes),
                new LogCommand(homes, Clock.systemUTC()),
                new StudioCommand(homes),
                new DemoCommand(homes),
                new CommandLine.HelpCommand());
    }

    private static boolean namedBy(Object command, String word) {
        Command declared = command.getClass().getAnnotation(Command.class);
        return declared != null && (declared.name().equals(word) || Arrays.asList(declared.aliases()).contains(word));
    }

    private static CommandLine tree(List<Object> commands, BuildInfo build) {
        CommandLine cli = new CommandLine(new TimelapseCommand());
        for (Object command : commands) {
            cli.addSubcommand(command);
        }
        cli.getCommandSpec().versionProvider(new VersionText(build));
        cli.setParameterExceptionHandler(usageError());
        cli.setExecutionExceptionHandler(failure());
        return cli;
    }

    /** What was wrong, picocli's "did you mean", and where to read more; a full usage dump would bury the error. */
    private static IParameterExceptionHandler usageError() {
        return (exception, args) -> {
            CommandLine command = exception.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            PrintWriter err = command.getErr();
            err.println(name + ": " + exception.getMessage());
            UnmatchedArgumentException.printSuggestions(exception, err);
            err.println("Run '" + name + " --help' for usage.");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        };
    }

    /** A failure is reported as one line a user can act on; its stack trace would only hide the message. */
    private static IExecutionExceptionHandler failure() {
        return (exception, command, parseResult) -> {
            String message = exception.getMessage() != null ? exception.getMessage() : exception.toString();
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
            return command.getCommandSpec().exitCodeOnExecutionException();
        };
    }
}
