package studio.timelapse.desktop.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for a subcommand; mixed in rather than inherited so the top command's footer stays its own. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean requested;
}
