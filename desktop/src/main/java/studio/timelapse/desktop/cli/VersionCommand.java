package studio.timelapse.desktop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The same text as {@code timelapse --version}, for those who type a verb. */
@Command(name = "version", description = "Shows the version of Timelapse Studio and of Java.")
final class VersionCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.root().commandLine().printVersionHelp(spec.commandLine().getOut());
        return 0;
    }
}
