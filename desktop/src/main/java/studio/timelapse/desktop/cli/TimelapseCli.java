package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import picocli.CommandLine;
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

    public static CommandLine create(AppHome homes, AgentLaunch agentLaunch, BuildInfo build) {
        CommandLine cli = new CommandLine(new TimelapseCommand())
                .addSubcommand(new PathsCommand(homes, agentLaunch))
                .addSubcommand(new VersionCommand())
                .addSubcommand(new CamerasCommand(homes, ZoneId.systemDefault(), Clock.systemUTC()))
                .addSubcommand(new SyncCommand(homes))
                .addSubcommand(new ImportCommand(homes, ZoneId.systemDefault()))
                .addSubcommand(new IngestCommand(homes))
                .addSubcommand(new LibraryCommand(homes))
                .addSubcommand(new SequencesCommand(homes, ZoneId.systemDefault()))
                .addSubcommand(new RenderCommand(homes, ZoneId.systemDefault()))
                .addSubcommand(new SchedulesCommand(homes))
                .addSubcommand(new JobsCommand(homes))
                .addSubcommand(new LogCommand(homes, Clock.systemUTC()))
                .addSubcommand(new StudioCommand(homes))
                .addSubcommand(new DemoCommand(homes))
                .addSubcommand(new CommandLine.HelpCommand());
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
