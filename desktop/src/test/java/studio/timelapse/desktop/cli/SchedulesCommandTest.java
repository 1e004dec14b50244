package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.LibraryFixture;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;

/** {@code timelapse schedules add}: the schedule is kept and its due renders queued for the studio to run. */
class SchedulesCommandTest {
    @TempDir
    Path home;

    @Test
    void addingAScheduleQueuesTheRendersDueForTheStudioToRun() throws Exception {
        long sequence;
        try (LibraryFixture library = LibraryFixture.in(home.resolve("library"))) {
            library.addCamera("cam-1");
            sequence = library.sequences().all().stream().map(Sequence::id).findFirst().orElseThrow();
        }

        CliRunner.Run run = new CliRunner(home).run("schedules", "add", "nightly", "--sequence",
                String.valueOf(sequence), "--at", "00:00", "--days-back", "1", "-o", home.resolve("videos").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("library/library.sqlite"));
                ActionLog log = ActionLog.builder("test").build()) {
            List<Job> renders = JobRunner.builder(db, log).build().jobs(JobState.QUEUED, JobState.RUNNING,
                    JobState.INTERRUPTED, JobState.SUCCEEDED, JobState.FAILED);
            assertThat(run.out()).contains("Scheduled 'nightly'").contains(renders.size() + " render(s) queued");
            assertThat(renders).isNotEmpty().allSatisfy(job -> {
                assertThat(job.state()).isEqualTo(JobState.QUEUED);
                assertThat(job.attempts()).isZero();
            });
        }
    }
}
