package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.ingest.AnalysisThreads;
import studio.timelapse.desktop.ingest.IngestJob;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Ingests;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * {@code timelapse ingest}: analyses every frame not analysed yet (thumbnail, brightness, histogram, exposure), as
 * the ingest job, with progress; lists the frames whose files could not be analysed, with the reason.
 */
@Command(
        name = "ingest",
        description = {
            "Analyses every frame of the library that is not analysed yet, synced or imported: its thumbnail, mean",
            "brightness and histogram (for deflicker and day/night) and the exposure in its EXIF. Frames whose files",
            "are damaged or missing are flagged and listed with the reason; --retry-flagged tries them again."
        })
final class IngestCommand implements Callable<Integer> {
    /** Flagged frames listed at the end; the rest are counted. */
    private static final int LISTED = 20;

    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    @Option(names = "--retry-flagged", description = "Try the flagged frames again (after repairing their files).")
    boolean retryFlagged;

    @Option(names = "--threads", paramLabel = "N", description = "Frames analysed at once (default: one per core).")
    Integer threads;

    IngestCommand(AppHome homes) {
        this.homes = homes;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads == null ? AnalysisThreads.defaultThreads() : threads;
        if (workers < 1 || workers > 64) {
            throw new ParameterException(spec.commandLine(), "--threads is 1 to 64, not " + workers);
        }
        try (LibraryOption.OpenCore open = library.openCore(homes,
                StudioCore.Settings.defaults().withAnalysisThreads(workers))) {
            StudioCore core = open.core();
            JobRunner runner = core.jobs();
            Ingests ingests = Ingests.of(core.library());
            if (retryFlagged) {
                out.printf(Locale.ROOT, "Trying %,d flagged frames again.%n", ingests.clearProblems());
            }
            Optional<Job> unfinished = runner.jobs(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED).stream()
                    .filter(job -> job.type().equals(IngestJob.NAME)).findFirst();
            Job finished;
            // Following before submitting: a small job can run to its end before a later subscription sees it.
            try (ProgressPrinter progress = ProgressPrinter.follow(open.log(), IngestJob.NAME, out)) {
                Job job = unfinished.orElseGet(() -> runner.submit(core.ingestJob(),
                        IngestJob.everythingIn(core.library()), SubmitOptions.defaults()));
                finished = runner.awaitFinished(job.id(), Duration.ofDays(365));
            }
            if (finished.state() != JobState.SUCCEEDED) {
                err.println("ingest: the ingest " + finished.state().wire()
                        + finished.lastError().map(e -> ": " + e).orElse("."));
                return 1;
            }
            long done = finished.progressDone().orElse(0L);
            out.printf(Locale.ROOT, done == 0 ? "Nothing to ingest: every frame is analysed.%n"
                    : "Analysed %,d frames.%n", done);
            return flagged(ingests, Frames.of(core.library()), out);
        }
    }

    /** Lists the flagged frames; 1 when there are any, so that scripts notice. */
    private static int flagged(Ingests ingests, Frames frames, PrintWriter out) {
        List<Ingests.Problem> problems = ingests.problems(LISTED + 1);
        if (problems.isEmpty()) {
            return 0;
        }
        out.println("Flagged (not analysed), with the reason:");
        for (Ingests.Problem problem : problems.subList(0, Math.min(LISTED, problems.size()))) {
            String path = frames.find(problem.frameId()).map(Frame::path).orElse("frame " + problem.frameId());
            out.printf(Locale.ROOT, "  %s: %s (%s)%n", path, problem.reason(),
                    problem.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (problems.size() > LISTED) {
            out.println("  … and more: 'timelapse ingest --retry-flagged' tries them all again.");
        }
        out.flush();
        return 1;
    }
}
