package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.importing.ImportJob;
import studio.timelapse.desktop.ingest.AnalysisThreads;
import studio.timelapse.desktop.library.Imports;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * {@code timelapse import DIR}: a folder or a card into the library as one import sequence, as a resumable job, with
 * a progress bar on a terminal and plain lines otherwise, and a summary at the end: imported, duplicates, other
 * files, and every skipped file with its reason. Run again after an interruption, it resumes the same import.
 */
@Command(
        name = "import",
        description = {
            "Imports the photos in DIR and every folder below it (a camera's card, a GoPro's DCIM, a phone dump, an old",
            "timelapse folder) into the library as one sequence, named after DIR unless --name says otherwise.",
            "Photos are found by their content, whatever their names; each is stored once, however often it is",
            "imported. Capture times come from EXIF (else the file's time). Damaged files are listed at the end and",
            "skipped. Interrupted or killed, the same command continues where it was."
        })
final class ImportCommand implements Callable<Integer> {
    private static final Duration FOLLOW_STEP = Duration.ofMillis(200);

    private final AppHome homes;
    private final ZoneId defaultZone;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder or card to import.")
    Path source;

    @Option(names = "--name", paramLabel = "NAME", description = "The import's name (default: DIR's name).")
    String name;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The zone the cameras' clocks were set to, for EXIF times without an offset: Europe/Paris,"
                    + " +02:00 (default: this computer's).")
    String zone;

    @Option(names = "--threads", paramLabel = "N", description = "Photos read at once (default: one per core).")
    Integer threads;

    ImportCommand(AppHome homes, ZoneId defaultZone) {
        this.homes = homes;
        this.defaultZone = defaultZone;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ZoneId cameraZone = zone();
        int workers = threads == null ? AnalysisThreads.defaultThreads() : threads;
        if (workers < 1 || workers > 64) {
            throw new ParameterException(spec.commandLine(), "--threads is 1 to 64, not " + workers);
        }
        Path folder = source.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            err.println("import: " + (Files.exists(folder) ? folder + " is a file, not a folder"
                    : "there is no folder " + folder) + ".");
            return 1;
        }
        Path libraryFolder = library.folder(homes);
        if (folder.startsWith(libraryFolder)) {
            err.println("import: " + folder + " is inside the library itself.");
            return 1;
        }
        boolean created = !library.exists(homes);
        homes.studio().createFolders();
        try (LibraryOption.OpenCore open = library.openOrCreateCore(homes,
                StudioCore.Settings.defaults().withAnalysisThreads(workers))) {
            StudioCore core = open.core();
            Library opened = core.library();
            if (created) {
                out.println("Created a new library at " + opened.folder());
            }
            JobRunner runner = core.jobs();
            AtomicBoolean stopping = new AtomicBoolean();
            Thread stopOnInterrupt = new Thread(() -> {
                stopping.set(true);
                runner.close(Duration.ofSeconds(10)); // the job stops at its next chunk, to be resumed
            }, "import-interrupted");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            try {
                Optional<Job> unfinished = ImportJob.unfinished(runner, folder);
                if (unfinished.isPresent() && unfinished.get().state() == JobState.RUNNING
                        && !unfinished.get().owner().orElse("").equals(runner.owner())) {
                    err.println("import: " + folder + " is being imported right now by another process (job "
                            + unfinished.get().id() + "); 'timelapse jobs' shows how far it is.");
                    return 1;
                }
                Job finished;
                // Following before submitting (a small import can end before a later subscription sees it), but
                // holding the progress lines until the line that names the job is out.
                try (ProgressPrinter progress = ProgressPrinter.followHeld(open.log(), ImportJob.NAME, out)) {
                    Job job = unfinished.orElseGet(() -> runner.submit(core.importJob(),
                            ImportJob.Params.of(folder, Optional.ofNullable(name), cameraZone),
                            SubmitOptions.defaults()));
                    progress.release(unfinished.isPresent()
                            ? "Continuing the import of " + folder + " (job " + job.id() + ")."
                            : "Importing " + folder + " into " + opened.folder() + " (job " + job.id() + ").");
                    finished = follow(runner, job.id(), stopping, err);
                }
                return summary(finished, Imports.of(opened), out, err);
            } finally {
                runner.close(Duration.ofSeconds(10));
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it is what stopped the import.
                }
            }
        }
    }

    private ZoneId zone() {
        try {
            return zone == null || zone.isBlank() ? defaultZone : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--zone is a zone such as Europe/Paris or +02:00, not '"
                    + zone + "'");
        }
    }

    /** Waits for the job to finish, saying once why it waits whenever it is waiting to retry. */
    private static Job follow(JobRunner runner, long jobId, AtomicBoolean stopping, PrintWriter err)
            throws InterruptedException {
        String said = null;
        while (true) {
            Job job = runner.job(jobId).orElseThrow();
            if (job.state().finished()) {
                return job;
            }
            if (job.state() == JobState.INTERRUPTED && stopping.get()) {
                return job; // Ctrl-C: stopped at a chunk's end
            }
            String waiting = job.state() == JobState.QUEUED && job.attempts() > 0 ? job.lastError().orElse(null) : null;
            if (waiting != null && !waiting.equals(said)) {
                err.println("Waiting to try again (attempt " + job.attempts() + " of " + job.maxAttempts() + "): "
                        + waiting);
                err.flush();
                said = waiting;
            }
            Thread.sleep(FOLLOW_STEP.toMillis());
        }
    }

    private static int summary(Job job, Imports imports, PrintWriter out, PrintWriter err) {
        if (job.state() == JobState.INTERRUPTED) {
            out.println("Stopped. Run the same command again to continue where the import was.");
            return 1;
        }
        if (job.state() != JobState.SUCCEEDED) {
            err.println("import: the import " + job.state().wire() + job.lastError().map(e -> ": " + e).orElse("."));
            return 1;
        }
        ImportJob.Checkpoint result = ImportJob.checkpoint(job).orElse(new ImportJob.Checkpoint("", 0, 0, 0, 0, 0));
        Optional<Sequence> sequence = imports.run(job.id()).flatMap(Imports.Run::sequence);
        out.printf(Locale.ROOT, "Imported %,d %s%s.%n", result.imported(), result.imported() == 1 ? "photo" : "photos",
                sequence.map(s -> " into '" + s.name() + "' (sequence " + s.id() + ")").orElse(""));
        if (result.duplicates() > 0) {
            out.printf(Locale.ROOT, "%,d already in the library (not stored again).%n", result.duplicates());
        }
        if (result.otherFiles() > 0) {
            out.printf(Locale.ROOT, "%,d other files (videos, RAW, sidecars) left alone.%n", result.otherFiles());
        }
        List<Imports.Skipped> skipped = imports.skipped(job.id());
        if (!skipped.isEmpty()) {
            out.printf(Locale.ROOT, "%,d skipped:%n", skipped.size());
            for (Imports.Skipped file : skipped) {
                out.printf(Locale.ROOT, "  %s: %s (%s)%n", file.file(), file.reason(),
                        file.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        out.flush();
        return 0;
    }
}
