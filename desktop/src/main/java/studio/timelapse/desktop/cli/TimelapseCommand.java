package studio.timelapse.desktop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: it only dispatches, so calling it without a subcommand is a usage error. */
@Command(
        name = "timelapse",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        description = "Timelapse Studio: from cameras to timelapse videos.",
        footer = {"", "The camera agent has its own commands: timelapse camera --help"})
final class TimelapseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command, e.g. 'timelapse paths'.");
    }
}
