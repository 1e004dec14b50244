package studio.timelapse.desktop.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * A studio process that imports a folder, for {@link ImportResumeAfterKillTest}: prints {@code SUBMITTED <job id>},
 * then {@code CHUNKS <n>} as chunks are checkpointed, until it is killed (or {@code DONE}).
 *
 * <p>Arguments: the library folder, the folder to import.
 */
public final class ImportWorkerMain {
    private ImportWorkerMain() {}

    public static void main(String[] args) throws Exception {
        try (ActionLog log = ActionLog.builder("studio").build();
                Library library = Library.open(Path.of(args[0]), log, Clock.systemUTC())) {
            ImportJob importJob = new ImportJob(library, new FrameAnalyzer(), 2);
            JobRunner runner = JobRunner.builder(library.database(), log).queue(ImportJob.QUEUE, 1)
                    .register(importJob).build();
            Job job = runner.submit(importJob, ImportJob.Params.of(Path.of(args[1]), Optional.empty(),
                    ZoneId.of("UTC")), SubmitOptions.defaults());
            System.out.println("SUBMITTED " + job.id());
            runner.start();
            long shown = 0;
            while (true) {
                Job now = runner.job(job.id()).orElseThrow();
                if (now.chunksDone() > shown) {
                    shown = now.chunksDone();
                    System.out.println("CHUNKS " + shown);
                }
                if (now.state().finished()) {
                    System.out.println("DONE " + now.state().wire());
                    return;
                }
                Thread.sleep(5);
            }
        }
    }
}
