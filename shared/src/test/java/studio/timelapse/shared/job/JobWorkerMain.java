package studio.timelapse.shared.job;

import java.nio.file.Path;
import java.time.Duration;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * A second process for {@link JobResumeAfterKillTest}: runs a job runner on a shared SQLite file and submits one
 * counting job, printing "CHUNK n" as chunks finish, until it is killed.
 */
public final class JobWorkerMain {
    private JobWorkerMain() {}

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        int chunks = Integer.parseInt(args[1]);
        SqliteDatabase db = SqliteDatabase.open(database);
        ActionLog log = ActionLog.builder("worker").logDirectory(Path.of(args[2])).build();
        CountingJob job = CountingJob.inQueue("work").announcingChunks();
        JobRunner runner = JobRunner.builder(db, log).queue("work", 1).register(job)
                .heartbeatInterval(Duration.ofMillis(200)).build();
        CountingJob.createSideEffectTable(db);
        Job submitted = runner.submit(job, CountingJob.Params.of(chunks, 50), SubmitOptions.key("the-only-one"));
        System.out.println("SUBMITTED " + submitted.id());
        runner.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
