package studio.timelapse.desktop.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.ui.StepJob;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.actionlog.ActionLogFiles;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskTree;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.testing.ManualClock;

/** The jobs screen's view-model over a real job runner, without a stage: work and UI run on the test's thread. */
class JobsViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path home;

    private TestRunner session;
    private JobsViewModel jobs;
    private final List<String> explained = new ArrayList<>();

    private JobsViewModel open(Clock clock, StepJob type) throws Exception {
        session = TestRunner.open(home, clock, type);
        jobs = new JobsViewModel(session.jobs(), session.types(), session.tracker(),
                new UiWork(session.log(), Runnable::run, Runnable::run), explained::add);
        return jobs;
    }

    @AfterEach
    void close() throws Exception {
        if (jobs != null) {
            jobs.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private Job submit(StepJob type, int steps, boolean fail) {
        return session.jobs().submit(type, new StepJob.Params(steps, fail), SubmitOptions.defaults());
    }

    private void awaitDone(long jobId, long steps) {
        await().atMost(WAIT).until(() -> session.jobs().job(jobId).orElseThrow().progressDone().orElse(0L) == steps);
    }

    private JobRow row(long jobId) {
        return jobs.jobs().stream().filter(r -> r.id() == jobId).findFirst().orElseThrow();
    }

    @Test
    void aRunningJobShowsHowFarItGotInItsUnitsWithAHeartbeat() throws Exception {
        StepJob type = StepJob.gated();
        open(Clock.systemUTC(), type);
        Job job = submit(type, 10, false);
        type.allow(3);
        awaitDone(job.id(), 3);
        await().atMost(WAIT).until(() -> session.jobs().job(job.id()).orElseThrow().heartbeatAt().isPresent());

        jobs.refresh();

        JobRow row = row(job.id());
        assertThat(row.stateProperty().get()).isEqualTo(JobState.RUNNING);
        assertThat(row.progressTextProperty().get()).isEqualTo("3 / 10 frames");
        assertThat(row.progressProperty().get()).isEqualTo(0.3);
        assertThat(row.heartbeatProperty().get()).endsWith(" ago");
        assertThat(row.cancellableProperty().get()).isTrue();
        assertThat(row.retryableProperty().get()).isFalse();
        assertThat(jobs.queues()).containsExactly(new QueueRow("steps", "1", 1, 0, 0, "—"));
        assertThat(jobs.summaryProperty().get()).isEqualTo("1 running, 0 waiting");
    }

    @Test
    void jobsWaitingForTheOneWorkerAreTheBacklogListedAfterTheRunningOne() throws Exception {
        StepJob type = StepJob.gated();
        open(Clock.systemUTC(), type);
        Job first = submit(type, 2, false);
        await().atMost(WAIT).until(() -> session.jobs().job(first.id()).orElseThrow().state() == JobState.RUNNING);
        Job second = submit(type, 2, false);
        Job third = submit(type, 2, false);

        jobs.refresh();

        assertThat(jobs.jobs()).extracting(JobRow::id).containsExactly(first.id(), second.id(), third.id());
        QueueRow queue = jobs.queues().get(0);
        assertThat(queue.running()).isEqualTo(1);
        assertThat(queue.queued()).isEqualTo(2);
        assertThat(queue.backlog()).isEqualTo(2);
        assertThat(queue.oldestWait()).isNotEqualTo("—");
        assertThat(row(second.id()).stateProperty().get()).isEqualTo(JobState.QUEUED);
        assertThat(row(second.id()).etaProperty().get()).isEmpty();
    }

    @Test
    void cancellingARunningJobStopsItAtItsNextChunkAndOffersToRunItAgain() throws Exception {
        StepJob type = StepJob.gated();
        open(Clock.systemUTC(), type);
        Job job = submit(type, 10, false);
        type.allow(1);
        awaitDone(job.id(), 1);
        jobs.refresh();

        jobs.cancel(row(job.id()));

        assertThat(session.jobs().awaitFinished(job.id(), WAIT).state()).isEqualTo(JobState.CANCELLED);
        jobs.refresh();
        assertThat(row(job.id()).stateProperty().get()).isEqualTo(JobState.CANCELLED);
        assertThat(row(job.id()).cancellableProperty().get()).isFalse();
        assertThat(row(job.id()).retryableProperty().get()).isTrue();
        assertThat(jobs.problemProperty().get()).isEmpty();
    }

    @Test
    void aFailedJobShowsItsReasonAndRetryingItTwiceMakesOneNewJob() throws Exception {
        StepJob type = StepJob.free();
        open(Clock.systemUTC(), type);
        Job failed = submit(type, 3, true);
        assertThat(session.jobs().awaitFinished(failed.id(), WAIT).state()).isEqualTo(JobState.FAILED);
        jobs.refresh();
        assertThat(row(failed.id()).errorProperty().get()).contains("the test asked this job to fail at step 0");

        jobs.retry(row(failed.id()));
        jobs.retry(row(failed.id()));

        List<Job> all = session.jobs().jobs(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED);
        List<Job> again = all.stream().filter(j -> j.idempotencyKey().equals(java.util.Optional.of("retry-of:"
                + failed.id()))).toList();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).parametersJson()).isEqualTo(failed.parametersJson());
        assertThat(jobs.problemProperty().get()).isEmpty();
    }

    @Test
    void theWhyOfAFailedJobIsTheTaskOfItsRun() throws Exception {
        StepJob type = StepJob.free();
        open(Clock.systemUTC(), type);
        Job failed = session.jobs().awaitFinished(submit(type, 1, true).id(), WAIT);
        jobs.refresh();

        jobs.explain(row(failed.id()));

        assertThat(explained).containsExactly(failed.taskUuid().orElseThrow());
    }

    @Test
    void cancellingAFinishedJobIsRefusedWithReasonRemedyAndTheTaskThatRecordsIt() throws Exception {
        StepJob type = StepJob.free();
        open(Clock.systemUTC(), type);
        Job done = session.jobs().awaitFinished(submit(type, 1, false).id(), WAIT);
        jobs.refresh();

        jobs.cancel(row(done.id()));

        Problem problem = jobs.problemProperty().get().orElseThrow();
        assertThat(problem.summary()).isEqualTo("Could not cancel job " + done.id());
        assertThat(problem.reasons()).containsExactly("Job " + done.id() + " has already succeeded."
                + " — submit it again to run it once more");
        String task = problem.taskUuid().orElseThrow();
        TaskTree tree = TaskTree.of(task, new ActionLogFiles().readAll(List.of(session.logs()), line -> line.contains(task)));
        assertThat(tree.rootAction().orElseThrow().actionType()).isEqualTo("studio:ui:cancel_job");
        assertThat(tree.rootAction().orElseThrow().end().flatMap(m -> m.text(LogMessage.REASON)).orElseThrow())
                .contains("has already succeeded");

        jobs.explain(problem);
        assertThat(explained).containsExactly(task);
    }

    @Test
    void successfulRunsAreChartedPerTypeOverTheLastWeekDayAndHour() throws Exception {
        StepJob type = StepJob.free();
        open(Clock.systemUTC(), type);
        for (int i = 0; i < 3; i++) {
            session.jobs().awaitFinished(submit(type, 2, false).id(), WAIT);
        }

        jobs.refresh();

        assertThat(jobs.chartTypes()).containsExactly(StepJob.NAME);
        assertThat(jobs.chartTypeProperty().get()).isEqualTo(StepJob.NAME);
        assertThat(jobs.chart()).extracting(DurationBar::window).containsExactly("7d", "24h", "1h");
        for (DurationBar bar : jobs.chart()) {
            assertThat(bar.runs()).isEqualTo(3);
            assertThat(bar.minSeconds()).isLessThanOrEqualTo(bar.avgSeconds());
            assertThat(bar.avgSeconds()).isLessThanOrEqualTo(bar.p95Seconds());
            assertThat(bar.p95Seconds()).isLessThanOrEqualTo(bar.maxSeconds());
        }
    }

    @Test
    void aJobWhoseHeartbeatsStoppedIsFlaggedStalledAndOneRunningPastItsExpectationUnusuallyLong() throws Exception {
        // Another studio process runs the job; its clock stands still, so every heartbeat it writes is dated 10:00,
        // as if it had stopped beating, while this studio's clock moves on.
        Instant ten = Instant.parse("2026-06-01T10:00:00Z");
        ManualClock otherProcess = new ManualClock(ten);
        ManualClock here = new ManualClock(ten);
        StepJob otherType = StepJob.gatedExpecting(Duration.ofSeconds(10));
        try (TestRunner other = TestRunner.open(home, otherProcess, otherType)) {
            Job job = other.jobs().submit(otherType, new StepJob.Params(5, false), SubmitOptions.defaults());
            otherType.allow(1);
            await().atMost(WAIT).until(() -> other.jobs().job(job.id()).orElseThrow().progressDone().orElse(0L) == 1);
            open(here, StepJob.gatedExpecting(Duration.ofSeconds(10)));
            jobs.refresh();
            assertThat(row(job.id()).stalledProperty().get()).isFalse();
            assertThat(row(job.id()).unusuallyLongProperty().get()).isFalse();

            here.advance(Duration.ofMinutes(1));
            jobs.refresh();

            assertThat(row(job.id()).stalledProperty().get()).isTrue();
            assertThat(row(job.id()).unusuallyLongProperty().get()).isTrue();
            assertThat(row(job.id()).elapsedProperty().get()).isEqualTo("1 min 00 s");
            assertThat(jobs.summaryProperty().get()).isEqualTo("1 running, 0 waiting, 1 need attention");
        }
    }
}
