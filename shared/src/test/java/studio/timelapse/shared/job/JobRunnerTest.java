package studio.timelapse.shared.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.Convention;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskTree;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.testing.RecordingLog;

/** The job runner in one process, on a real SQLite file. */
class JobRunnerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private SqliteDatabase db;
    private final RecordingLog recording = new RecordingLog();
    private final List<JobRunner> runners = new ArrayList<>();
    private final CountingJob counting = CountingJob.inQueue("sync");

    @BeforeEach
    void openDatabase() {
        db = SqliteDatabase.open(folder.resolve("library.sqlite"));
    }

    @AfterEach
    void closeAll() {
        runners.forEach(runner -> runner.close(Duration.ofSeconds(5)));
        db.close();
        recording.close();
    }

    private JobRunner runner(JobType<?, ?>... types) {
        JobRunner.Builder builder = JobRunner.builder(db, recording.log()).queue("sync", 1)
                .heartbeatInterval(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(50));
        for (JobType<?, ?> type : types) {
            builder.register(type);
        }
        JobRunner runner = builder.build();
        runners.add(runner);
        CountingJob.createSideEffectTable(db);
        return runner;
    }

    private List<Integer> sideEffects(long jobId) {
        return CountingJob.sideEffects(db, jobId);
    }

    @Test
    void aJobRunsChunkByChunkToSuccessAsOneActionWithProgress() throws Exception {
        JobRunner runner = runner(counting).start();
        Job job = runner.submit(counting, CountingJob.Params.of(5, 1), SubmitOptions.defaults());

        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.chunksDone()).isEqualTo(5);
        assertThat(done.checkpointJson()).contains("{\"next\":5}");
        assertThat(done.percent()).contains(100.0);
        assertThat(sideEffects(job.id())).containsExactly(0, 1, 2, 3, 4);

        TaskTree tree = recording.tree(done.taskUuid().orElseThrow());
        assertThat(tree.complete()).isTrue();
        assertThat(tree.rootAction().orElseThrow().actionType()).isEqualTo("test:count");
        assertThat(tree.rootAction().orElseThrow().start().orElseThrow().fields()).containsEntry("job_id", job.id())
                .containsEntry("attempt", 1);
        List<LogMessage> progress = recording.ofType(Convention.PROGRESS);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).fields()).containsEntry("done", 5L).containsEntry("total", 5L);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheExistingJob() {
        JobRunner runner = runner(counting);
        Job first = runner.submit(counting, CountingJob.Params.of(3, 1), SubmitOptions.key("sync:camera:7"));
        Job again = runner.submit(counting, CountingJob.Params.of(99, 1), SubmitOptions.key("sync:camera:7"));
        Job other = runner.submit(counting, CountingJob.Params.of(3, 1), SubmitOptions.key("sync:camera:8"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.parametersJson()).contains("\"chunks\":3");
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(runner.jobs(JobState.QUEUED)).hasSize(2);
    }

    @Test
    void higherPriorityRunsFirstWithinAQueue() throws Exception {
        JobRunner runner = runner(counting);
        Job low = runner.submit(counting, CountingJob.Params.of(1, 1), SubmitOptions.defaults());
        Job high = runner.submit(counting, CountingJob.Params.of(1, 1), SubmitOptions.defaults().withPriority(10));
        runner.start();
        Job lowDone = runner.awaitFinished(low.id(), WAIT);
        Job highDone = runner.awaitFinished(high.id(), WAIT);
        assertThat(highDone.startedAt().orElseThrow()).isBeforeOrEqualTo(lowDone.startedAt().orElseThrow());
    }

    @Test
    void cancellingAWaitingJobCancelsItAtOnce() {
        JobRunner runner = runner(counting);
        Job job = runner.submit(counting, CountingJob.Params.of(3, 1), SubmitOptions.defaults());
        Job cancelled = runner.cancel(job.id(), "changed my mind");
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.lastError()).contains("cancelled: changed my mind");
    }

    @Test
    void cancellingARunningJobStopsItAtTheNextChunkBoundary() throws Exception {
        JobRunner runner = runner(counting).start();
        Job job = runner.submit(counting, CountingJob.Params.of(1000, 20), SubmitOptions.defaults());
        await().atMost(WAIT).until(() -> sideEffects(job.id()).size() >= 2);

        runner.cancel(job.id(), "user pressed cancel");
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.CANCELLED);
        assertThat(done.chunksDone()).isLessThan(1000).isEqualTo(sideEffects(job.id()).size());
        assertThat(recording.ofType("job:stopped")).singleElement()
                .satisfies(m -> assertThat(m.get("reason")).isEqualTo("cancelled: user pressed cancel"));
    }

    @Test
    void aFinishedJobCannotBeCancelledAndTheRefusalSaysWhy() throws Exception {
        JobRunner runner = runner(counting).start();
        Job job = runner.submit(counting, CountingJob.Params.of(1, 1), SubmitOptions.defaults());
        runner.awaitFinished(job.id(), WAIT);
        assertThatThrownBy(() -> runner.cancel(job.id(), "too late"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> {
                    Refusal refusal = refused.refusals().get(0);
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
                    assertThat(refusal.reason()).isEqualTo("Job " + job.id() + " has already succeeded.");
                    assertThat(refusal.remedy()).isPresent();
                });
        assertThatThrownBy(() -> runner.cancel(9999, "no such")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("no job 9999");
    }

    @Test
    void transientFailuresRetryWithBackoffUntilTheJobSucceeds() throws Exception {
        JobRunner runner = runner(counting).start();
        Job job = runner.submit(counting, new CountingJob.Params(2, 1, 2, false), SubmitOptions.defaults());
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(recording.ofType("job:retry_scheduled")).extracting(m -> m.get("delay_s")).containsExactly(0.05, 0.1);
    }

    @Test
    void aPermanentFailureFailsAtOnceWithItsReason() throws Exception {
        JobRunner runner = runner(counting).start();
        Job job = runner.submit(counting, new CountingJob.Params(2, 1, 1, true), SubmitOptions.defaults());
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.lastError()).contains("java.lang.IllegalArgumentException: frame 17 is not a JPEG");
    }

    @Test
    void aTransientFailureFailsOnceTheAttemptsAreUsedUp() throws Exception {
        CountingJob twoTries = new CountingJob("test:count", "sync",
                RetryPolicy.standard().withMaxAttempts(2).withDelays(Duration.ofMillis(10), Duration.ofMillis(10)),
                Optional.empty());
        JobRunner runner = runner(twoTries).start();
        Job job = runner.submit(twoTries, new CountingJob.Params(1, 1, 5, false), SubmitOptions.defaults());
        Job done = runner.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.lastError()).hasValueSatisfying(error -> assertThat(error).contains("camera offline (attempt 2)"));
    }

    @Test
    void aShutdownInterruptsTheJobAndTheNextRunnerResumesItWithoutRedoingAChunk() throws Exception {
        JobRunner first = runner(counting).start();
        Job job = first.submit(counting, CountingJob.Params.of(40, 10), SubmitOptions.defaults());
        await().atMost(WAIT).until(() -> sideEffects(job.id()).size() >= 3);
        first.close(Duration.ofSeconds(10));
        Job interrupted = first.job(job.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(interrupted.lastError()).contains("the runner is shutting down");

        JobRunner second = runner(counting).start();
        Job done = second.awaitFinished(job.id(), WAIT);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(sideEffects(job.id())).hasSize(40).doesNotHaveDuplicates();
        assertThat(recording.ofType("test:count").stream().filter(m -> m.get("resumed_from_chunk") != null)
                .map(m -> ((Number) m.get("resumed_from_chunk")).longValue()).toList())
                .containsExactly(0L, interrupted.chunksDone());
    }

    @Test
    void insightCountsQueuesAndDurationsAndFlagsAnUnusuallyLongRun() throws Exception {
        CountingJob expectsQuick = new CountingJob("test:count", "sync", RetryPolicy.standard(),
                Optional.of(Duration.ofMillis(100)));
        JobRunner runner = runner(expectsQuick).start();
        for (int i = 0; i < 3; i++) {
            runner.awaitFinished(runner.submit(expectsQuick, CountingJob.Params.of(1, 1), SubmitOptions.defaults()).id(), WAIT);
        }
        Job slow = runner.submit(expectsQuick, CountingJob.Params.of(100, 20), SubmitOptions.defaults());
        runner.submit(expectsQuick, CountingJob.Params.of(1, 1), SubmitOptions.defaults());
        runner.submit(expectsQuick, CountingJob.Params.of(1, 1),
                SubmitOptions.defaults().notBefore(java.time.Instant.now().plusSeconds(3600)));
        await().atMost(WAIT).until(() -> runner.job(slow.id()).orElseThrow().state() == JobState.RUNNING);

        await().atMost(WAIT).untilAsserted(() -> {
            JobInsight insight = runner.insight();
            JobInsight.QueueLoad sync = insight.queue("sync").orElseThrow();
            assertThat(sync.workers()).isEqualTo(1);
            assertThat(sync.running()).isEqualTo(1);
            assertThat(sync.queued()).isEqualTo(2);
            assertThat(sync.backlog()).isEqualTo(1);
            assertThat(sync.oldestWaiting()).isPresent();
            assertThat(insight.durations("test:count", "1h").orElseThrow().count()).isEqualTo(3);
            JobInsight.RunningJob running = insight.running().get(0);
            assertThat(running.jobId()).isEqualTo(slow.id());
            assertThat(running.unusuallyLong()).isTrue();
            assertThat(running.stalled()).isFalse();
            assertThat(running.percent()).isPresent();
        });
        runner.cancel(slow.id(), "test over");
    }

    @Test
    void aTypeMustRunInAQueueTheRunnerHas() {
        assertThatThrownBy(() -> JobRunner.builder(db, recording.log()).queue("render", 1).register(counting))
                .hasMessageContaining("runs in queue sync, which this runner does not have");
    }
}
