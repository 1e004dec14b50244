package studio.timelapse.shared.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockRequest;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.testing.RecordingLog;

/** Jobs hold their locks from the first chunk to the end: busy locks defer them, a lost lock stops them. */
class JobLocksTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private SqliteDatabase db;
    private final RecordingLog recording = new RecordingLog();
    private Locks locks;
    private JobRunner runner;
    private final CountingJob render = CountingJob.inQueue("render").holding("sequence:12/render", Duration.ofMillis(100));

    @BeforeEach
    void start() {
        db = SqliteDatabase.open(folder.resolve("library.sqlite"));
        db.migrate("shared", "db/shared");
        locks = Locks.builder(db, recording.log()).defaultLease(Duration.ofSeconds(2)).build();
        runner = JobRunner.builder(db, recording.log()).queue("render", 1).register(render).locks(locks)
                .heartbeatInterval(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(20)).build();
        CountingJob.createSideEffectTable(db);
    }

    @AfterEach
    void stop() {
        runner.close(Duration.ofSeconds(5));
        locks.close();
        db.close();
        recording.close();
    }

    @Test
    void aJobWhoseLockIsHeldWaitsInTheQueueWithoutUsingAnAttemptAndRunsOnceItIsFree() throws Exception {
        Job job;
        try (Lease preview = locks.tryAcquire(LockRequest.of("sequence:12/render", "user:ann"))) {
            job = runner.submit(render, CountingJob.Params.of(3, 1), SubmitOptions.defaults());
            runner.start();
            await().atMost(WAIT).until(() -> recording.ofType("job:deferred").size() >= 2);
            Job waiting = runner.job(job.id()).orElseThrow();
            assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.lastError()).hasValueSatisfying(reason -> assertThat(reason).contains("user:ann"));
            LogMessage deferred = recording.ofType("job:deferred").get(0);
            assertThat(deferred.fields()).containsEntry("lock", "sequence:12/render").containsEntry("retry_after_s", 0.1);
        }
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(locks.held()).as("released at the end").isEmpty();
    }

    @Test
    void whileItRunsOthersAreRefusedWithTheJobsProgress() throws Exception {
        runner.start();
        Job job = runner.submit(render, CountingJob.Params.of(400, 10), SubmitOptions.defaults());
        await().atMost(WAIT).until(() -> sideEffects(job.id()) >= 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(locks.held()).singleElement().satisfies(holder -> {
            assertThat(holder.holder()).isEqualTo("job:" + job.id());
            assertThat(holder.progress()).hasValueSatisfying(text -> assertThat(text).endsWith("/400 chunks"));
        }));
        runner.cancel(job.id(), "test over");
        runner.awaitFinished(job.id(), WAIT);
    }

    @Test
    void losingTheLockStopsTheRunAtTheNextChunkAndTheJobResumesLaterWithEveryChunkOnce() throws Exception {
        runner.start();
        Job job = runner.submit(render, CountingJob.Params.of(60, 10), SubmitOptions.defaults());
        await().atMost(WAIT).until(() -> sideEffects(job.id()) >= 5);

        // Another process's cleanup (or a long pause past the lease) took the lease away.
        db.write(connection -> connection.createStatement().executeUpdate("DELETE FROM lock_lease"));

        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(sideEffects(job.id())).isEqualTo(60);
        assertThat(distinctChunks(job.id())).isEqualTo(60);
        assertThat(recording.ofType("job:stopped")).singleElement().satisfies(stopped -> {
            assertThat(stopped.get("outcome")).isEqualTo("interrupted");
            assertThat((String) stopped.get("reason")).contains("sequence:12/render");
        });
    }

    private int sideEffects(long jobId) {
        return count("SELECT COUNT(*) FROM side_effect WHERE job_id = " + jobId);
    }

    private int distinctChunks(long jobId) {
        return count("SELECT COUNT(DISTINCT chunk) FROM side_effect WHERE job_id = " + jobId);
    }

    private int count(String sql) {
        return db.read(connection -> {
            try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
