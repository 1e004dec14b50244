package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.library.CheckProblem;
import studio.timelapse.desktop.library.CheckReport;
import studio.timelapse.desktop.library.LibraryCheck;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.home.AppHome;

/** {@code timelapse library …}: the library folder itself. */
@Command(name = "library", description = "The library: where it is and whether its frame files are whole.",
        subcommands = LibraryCommand.Check.class)
final class LibraryCommand implements Callable<Integer> {
    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    LibraryCommand(AppHome homes) {
        this.homes = homes;
    }

    /** Without a subcommand: where the library is and what it holds. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Library: " + library.folder(homes) + (library.exists(homes) ? "" : " (not created yet)"));
        out.println("Run 'timelapse library check' to verify its frame files.");
        return 0;
    }

    /** {@code timelapse library check}. */
    @Command(name = "check", description = {
        "Verifies every frame file against the size and SHA-256 the library recorded when it stored it, and looks",
        "for files under frames/ that no frame points to. Reports what is missing, corrupt, unreadable or",
        "unindexed; changes nothing. Exit code 1 when anything is wrong."
    })
    static final class Check implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        LibraryCommand parent;

        @Mixin
        HelpOption help;

        @Mixin
        LibraryOption library;

        @Spec
        CommandSpec spec;

        @Option(names = "--threads", paramLabel = "N",
                description = "Files hashed at once (default: one per core).")
        Integer threads;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LibraryOption where = library.folder != null ? library : parent.library;
            try (LibraryOption.OpenLibrary open = where.open(parent.homes)) {
                LibraryCheck check = LibraryCheck.of(open.library());
                if (threads != null) {
                    check = check.withThreads(threads);
                }
                out.println("Checking the library at " + open.library().folder());
                out.flush();
                long started = System.nanoTime();
                CheckReport report;
                try (ProgressPrinter progress = ProgressPrinter.follow(open.log(), LibraryCheck.ACTION, out)) {
                    report = check.run(new StopSignal());
                }
                print(report, Duration.ofNanos(System.nanoTime() - started), out);
                return report.healthy() ? 0 : 1;
            }
        }

        private static void print(CheckReport report, Duration took, PrintWriter out) {
            out.printf(Locale.ROOT, "Checked %,d frames (%s) and %,d files in %s.%n", report.frames(),
                    bytes(report.bytes()), report.filesSeen(), JobsCommand.human(took));
            for (CheckProblem problem : report.problems()) {
                out.printf(Locale.ROOT, "%-10s %s%s: %s%n", problem.kind(), problem.path(),
                        problem.frameId().map(id -> " (frame " + id + ")").orElse(""), problem.detail());
            }
            for (CheckProblem.Kind kind : CheckProblem.Kind.values()) {
                if (report.unlisted(kind) > 0) {
                    out.printf(Locale.ROOT, "… and %,d more %s%n", report.unlisted(kind), kind);
                }
            }
            if (report.healthy()) {
                out.println("No problems: every frame file is whole and every file is indexed.");
            } else {
                out.printf(Locale.ROOT, "%,d problems: %,d missing, %,d corrupt, %,d unreadable, %,d unindexed.%n",
                        report.problemCount(), report.count(CheckProblem.Kind.MISSING),
                        report.count(CheckProblem.Kind.CORRUPT), report.count(CheckProblem.Kind.UNREADABLE),
                        report.count(CheckProblem.Kind.UNINDEXED));
            }
            out.flush();
        }

        private static String bytes(long bytes) {
            if (bytes < 1024 * 1024) {
                return String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
            }
            return bytes < 1L << 30 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
                    : String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
    }
}
