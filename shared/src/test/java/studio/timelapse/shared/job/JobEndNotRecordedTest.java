package studio.timelapse.shared.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The database refuses to record the end of a run — a full disk, a lock held past the busy timeout — on a real SQLite
 * file: a trigger, switched on and off by the test, fails exactly the write that moves a running job to its end,
 * as SQLITE_FULL would, and nothing else.
 */
class JobEndNotRecordedTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private SqliteDatabase db;
    private final RecordingLog recording = new RecordingLog();
    private final List<JobRunner> runners = new ArrayList<>();
    private final CountingJob counting = CountingJob.inQueue("sync");

    @BeforeEach
    void openDatabase() {
        db = SqliteDatabase.open(folder.resolve("library.sqlite"));
        db.migrate("shared", "db/shared");
        CountingJob.createSideEffectTable(db);
        db.write(connection -> {
            connection.createStatement().executeUpdate("CREATE TABLE disk_full (since INTEGER)");
            return connection.createStatement().executeUpdate("CREATE TRIGGER job_end_fails BEFORE UPDATE OF state "
                    + "ON job WHEN OLD.state = 'running' AND NEW.state <> 'running' "
                    + "AND EXISTS (SELECT 1 FROM disk_full) "
                    + "BEGIN SELECT RAISE(ABORT, 'injected: database or disk is full'); END");
        });
    }

    @AfterEach
    void closeAll() {
        runners.forEach(runner -> runner.close(Duration.ofSeconds(5)));
        db.close();
        recording.close();
    }

    private JobRunner runner(Duration staleAfter) {
        JobRunner runner = JobRunner.builder(db, recording.log()).queue("sync", 1).register(counting)
                .heartbeatInterval(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(50)).staleAfter(staleAfter)
                .recordEndRetry(Duration.ofMillis(50), Duration.ofMillis(200)).build();
        runners.add(runner);
        return runner;
    }

    private void diskFull(boolean full) {
        db.write(connection -> connection.createStatement().executeUpdate(
                full ? "INSERT INTO disk_full VALUES (1)" : "DELETE FROM disk_full"));
    }

    private List<LogMessage> failedEndRecords() {
        return recording.ofType("job:record_end").stream()
                .filter(message -> message.actionStatus().orElse(null) == ActionStatus.FAILED).toList();
    }

    private List<Integer> sideEffects(long jobId) {
        return CountingJob.sideEffects(db, jobId);
    }

    @Test
    void aRunWhoseEndCannotBeRecordedStaysRunningAndIsRecordedOnceTheDiskHasRoomAgain() throws Exception {
        JobRunner runner = runner(Duration.ofSeconds(30)).start();
        diskFull(true);
        Job job = runner.submit(counting, CountingJob.Params.of(3, 1), SubmitOptions.defaults());

        await().atMost(WAIT).until(() -> failedEndRecords().size() >= 3);
        assertThat(runner.job(job.id()).orElseThrow().state()).as("nobody else may take it meanwhile")
                .isEqualTo(JobState.RUNNING);
        assertThat(failedEndRecords()).allSatisfy(failed -> assertThat(failed.text("reason").orElseThrow())
                .contains("injected: database or disk is full"));
        assertThat(recording.ofType("job:record_end")).filteredOn(m -> m.actionStatus().orElseThrow() == ActionStatus.STARTED)
                .allSatisfy(started -> assertThat(started.fields()).containsEntry("job_id", job.id())
                        .containsEntry("outcome", "succeeded"));

        diskFull(false);
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).as("the end was recorded, not the job run again").isEqualTo(1);
        assertThat(sideEffects(job.id())).containsExactly(0, 1, 2);

        Job next = runner.submit(counting, CountingJob.Params.of(2, 1), SubmitOptions.defaults());
        assertThat(runner.awaitFinished(next.id(), WAIT).state()).as("the worker lives on").isEqualTo(JobState.SUCCEEDED);
        assertThat(recording.ofType("job:worker_error")).isEmpty();
    }

    @Test
    void aRunWhoseEndWasNeverRecordedIsResumedByTheNextRunnerAfterItsLastChunkNotRunAgain() throws Exception {
        JobRunner first = runner(Duration.ofSeconds(30)).start();
        diskFull(true);
        Job job = first.submit(counting, CountingJob.Params.of(3, 1), SubmitOptions.defaults());
        await().atMost(WAIT).until(() -> !failedEndRecords().isEmpty());

        first.close(Duration.ofSeconds(10));
        assertThat(recording.ofType("job:end_not_recorded")).singleElement()
                .satisfies(message -> assertThat(message.get("outcome")).isEqualTo("succeeded"));
        assertThat(first.job(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        diskFull(false);
        // The first runner is in this very process, so only its silence (no heartbeat) tells it is gone: the second
        // runner sees that within its heartbeats, not only when it starts.
        JobRunner second = runner(Duration.ofMillis(300)).start();
        Job done = second.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.chunksDone()).isEqualTo(3);
        assertThat(sideEffects(job.id())).as("each chunk once").containsExactly(0, 1, 2);
        assertThat(recording.ofType("job:interrupted")).singleElement()
                .satisfies(message -> assertThat(message.get("job_id")).isEqualTo(job.id()));
    }
}
