package studio.timelapse.shared.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.RecordingLog;
import studio.timelapse.shared.testing.SmallFilesystem;

/**
 * The job database on a real, small file system (Linux tmpfs, mounted by the test: it needs root, as CI and the
 * developers' machines run; elsewhere it is skipped and {@link JobEndNotRecordedTest} covers the same with an
 * injected failure). The job fills the disk right after its last chunk, so SQLite itself answers SQLITE_FULL when
 * the runner records the end.
 */
class JobEndOnAFullDiskTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path scratch;
    private SmallFilesystem disk;
    private SqliteDatabase db;
    private JobRunner runner;
    private final RecordingLog recording = new RecordingLog();

    @BeforeEach
    void mountSmallFilesystem() throws IOException, InterruptedException {
        disk = SmallFilesystem.mount(scratch.resolve("small"), 4).orElse(null);
        assumeTrue(disk != null, "cannot mount a tmpfs here (not Linux, or not root)");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (runner != null) {
            runner.close(Duration.ofSeconds(5));
        }
        if (db != null) {
            db.close();
        }
        recording.close();
        if (disk != null) {
            disk.close();
        }
    }

    /** Three chunks, then (on its first attempt) fills the disk as another program might, and returns. */
    static final class FillsTheDiskAtTheEnd implements JobType<FillsTheDiskAtTheEnd.Params, CountingJob.Position> {
        private final SmallFilesystem disk;

        FillsTheDiskAtTheEnd(SmallFilesystem disk) {
            this.disk = disk;
        }

        record Params() {}

        @Override
        public String name() {
            return "test:fill";
        }

        @Override
        public String queue() {
            return "sync";
        }

        @Override
        public Class<Params> parametersType() {
            return Params.class;
        }

        @Override
        public Class<CountingJob.Position> checkpointType() {
            return CountingJob.Position.class;
        }

        @Override
        public void run(JobContext<Params, CountingJob.Position> context) throws Exception {
            for (int chunk = context.checkpoint().map(CountingJob.Position::next).orElse(0); chunk < 3; chunk++) {
                int index = chunk;
                context.chunkDone(new CountingJob.Position(chunk + 1), 1,
                        connection -> CountingJob.recordChunk(connection, context, index));
            }
            if (context.attempt() == 1) {
                disk.fill("filler");
            }
        }
    }

    @Test
    void aRunWhoseEndMeetsAFullDiskIsRecordedOnceSpaceIsFreedWithEveryChunkDoneOnce() throws Exception {
        db = SqliteDatabase.open(disk.path().resolve("library.sqlite"));
        db.migrate("shared", "db/shared");
        CountingJob.createSideEffectTable(db);
        FillsTheDiskAtTheEnd type = new FillsTheDiskAtTheEnd(disk);
        runner = JobRunner.builder(db, recording.log()).queue("sync", 1).register(type)
                .heartbeatInterval(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(50))
                .recordEndRetry(Duration.ofMillis(50), Duration.ofMillis(200)).build().start();

        Job job = runner.submit(type, new FillsTheDiskAtTheEnd.Params(), SubmitOptions.defaults());

        await().atMost(WAIT).until(() -> failedEndRecords().size() >= 2);
        assertThat(failedEndRecords()).allSatisfy(failed -> assertThat(failed.text("reason").orElseThrow())
                .contains("SQLITE_FULL"));
        assertThat(runner.job(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        Files.delete(disk.path().resolve("filler"));
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(CountingJob.sideEffects(db, job.id())).containsExactly(0, 1, 2);
    }

    private List<LogMessage> failedEndRecords() {
        return recording.ofType("job:record_end").stream()
                .filter(message -> message.actionStatus().orElse(null) == ActionStatus.FAILED).toList();
    }
}
