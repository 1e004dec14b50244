package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobInsight;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.refusal.RefusedException;

/** The studio's jobs: queues, running jobs with progress, durations; and cancelling one, from any process. */
@Command(
        name = "jobs",
        description = {
            "Shows the studio's job queues, the running jobs with their progress and flags, and how long each kind of",
            "job usually takes. 'jobs cancel ID' cancels a job: at once if it waits, at its next chunk if it runs",
            "(in whichever process runs it)."
        },
        subcommands = JobsCommand.Cancel.class)
final class JobsCommand implements Callable<Integer> {
    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--watch", description = "Show again every 2 seconds until interrupted.")
    boolean watch;

    JobsCommand(AppHome homes) {
        this.homes = homes;
    }

    /** The studio's library database, where its jobs live. */
    static Path libraryDatabase(AppHome homes) {
        return homes.studio().root().resolve("library").resolve("library.sqlite");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path database = libraryDatabase(homes);
        if (!Files.exists(database)) {
            out.println("No library yet at " + database + ": no jobs.");
            return 0;
        }
        try (SqliteDatabase db = SqliteDatabase.open(database); ActionLog quiet = ActionLog.builder("cli").build()) {
            JobRunner jobs = JobRunner.builder(db, quiet).build();
            do {
                if (watch && System.console() != null) {
                    out.print("\033[H\033[2J");
                }
                print(jobs.insight(), out);
                out.flush();
                if (watch) {
                    Thread.sleep(2000);
                    out.println();
                }
            } while (watch);
        }
        return 0;
    }

    private static void print(JobInsight insight, PrintWriter out) {
        out.printf("%-10s %7s %7s %6s %7s  %s%n", "QUEUE", "WORKERS", "RUNNING", "QUEUED", "BACKLOG", "OLDEST WAIT");
        for (JobInsight.QueueLoad queue : insight.queues()) {
            out.printf("%-10s %7s %7d %6d %7d  %s%n", queue.queue(), queue.workers() == 0 ? "-" : queue.workers(),
                    queue.running(), queue.queued(), queue.backlog(), queue.oldestWaiting().map(JobsCommand::human)
                            .orElse("-"));
        }
        if (insight.queues().isEmpty()) {
            out.println("(no jobs)");
        }
        if (!insight.running().isEmpty()) {
            out.println();
            out.println("RUNNING");
            for (JobInsight.RunningJob job : insight.running()) {
                out.printf("  #%d %s in %s: %s, running %s, heartbeat %s%s%s%n", job.jobId(), job.type(), job.queue(),
                        job.percent().map(p -> String.format(Locale.ROOT, "%.0f%%", p)).orElse("?%"),
                        human(job.runningFor()), job.heartbeatAge().map(age -> human(age) + " ago").orElse("none"),
                        job.unusuallyLong() ? "  [unusually long]" : "", job.stalled() ? "  [stalled]" : "");
            }
        }
        if (!insight.durations().isEmpty()) {
            out.println();
            out.println("DURATIONS (successful runs)");
            for (JobInsight.TypeDurations d : insight.durations()) {
                out.printf("  %-24s %-4s n=%-5d min %-8s avg %-8s p95 %-8s max %s%n", d.type(), d.window(), d.count(),
                        human(d.min()), human(d.avg()), human(d.p95()), human(d.max()));
            }
        }
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        return seconds < 3600 ? (seconds / 60) + "m" + (seconds % 60) + "s" : (seconds / 3600) + "h" + (seconds % 3600 / 60) + "m";
    }

    /** {@code timelapse jobs cancel ID}. */
    @Command(name = "cancel", description = "Cancels a job: at once if it waits, at its next chunk if it runs.")
    static final class Cancel implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        JobsCommand parent;

        @Mixin
        HelpOption help;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The job's number, as 'timelapse jobs' shows it.")
        long jobId;

        @Option(names = "--why", defaultValue = "cancelled from the command line", description = "Recorded with the job.")
        String why;

        @Override
        public Integer call() {
            Path database = libraryDatabase(parent.homes);
            if (!Files.exists(database)) {
                spec.commandLine().getErr().println("jobs cancel: no library at " + database);
                return 1;
            }
            // The cancel is part of the studio's story: it goes into the studio's log.
            try (SqliteDatabase db = SqliteDatabase.open(database);
                    ActionLog log = ActionLog.builder("cli").logDirectory(parent.homes.studio().logs()).build()) {
                Job job = JobRunner.builder(db, log).build().cancel(jobId, why);
                spec.commandLine().getOut().println(job.state().finished()
                        ? "Job " + jobId + " is cancelled."
                        : "Job " + jobId + " will stop at its next chunk (it is " + job.state().wire() + ").");
                return 0;
            } catch (RefusedException refused) {
                spec.commandLine().getErr().println("jobs cancel: " + refused.getMessage());
                return 1;
            }
        }
    }
}
