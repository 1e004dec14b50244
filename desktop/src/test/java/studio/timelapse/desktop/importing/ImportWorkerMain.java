package studio.timelapse.desktop.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * A studio process that imports a folder, for {@link ImportResumeAfterKillTest}: prints {@code SUBMITTED <job id>},
 * then {@code CHUNKS <n>} as chunks are checkpointed, until it is killed (or {@code DONE}).
 *
 * <p>Arguments: the library folder, the folder to import, and optionally {@code halt-mid-chunk}: then the process
 * ends itself as abruptly as kill -9 would ({@link Runtime#halt}: no finally blocks, no shutdown hooks, no closing)
 * the moment a chunk after the first has stored a frame that no checkpoint counts yet.
 */
public final class ImportWorkerMain {
    private ImportWorkerMain() {}

    public static void main(String[] args) throws Exception {
        boolean haltMidChunk = args.length > 2 && args[2].equals("halt-mid-chunk");
        try (ActionLog log = ActionLog.builder("studio").build();
                Library library = Library.open(Path.of(args[0]), log, Clock.systemUTC())) {
            ImportJob importJob = new ImportJob(library, new FrameAnalyzer(), 2);
            JobRunner runner = JobRunner.builder(library.database(), log).queue(ImportJob.QUEUE, 1)
                    .register(importJob).build();
            Job job = runner.submit(importJob, ImportJob.Params.of(Path.of(args[1]), Optional.empty(),
                    ZoneId.of("UTC")), SubmitOptions.defaults());
            System.out.println("SUBMITTED " + job.id());
            runner.start();
            Frames frames = Frames.of(library);
            long shown = 0;
            while (true) {
                Job now = runner.job(job.id()).orElseThrow();
                if (now.chunksDone() > shown) {
                    shown = now.chunksDone();
                    System.out.println("CHUNKS " + shown);
                }
                if (haltMidChunk && now.chunksDone() >= 1) {
                    long counted = ImportJob.checkpoint(now).map(ImportJob.Checkpoint::imported).orElse(0L);
                    if (frames.count() > counted) {
                        System.out.println("HALTING with " + frames.count() + " frames stored, " + counted
                                + " counted");
                        System.out.flush();
                        Runtime.getRuntime().halt(137);
                    }
                }
                if (now.state().finished()) {
                    System.out.println("DONE " + now.state().wire());
                    return;
                }
                Thread.sleep(haltMidChunk ? 0 : 5);
            }
        }
    }
}
