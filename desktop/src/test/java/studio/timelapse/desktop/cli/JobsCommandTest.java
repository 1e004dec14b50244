package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.SubmitOptions;

/** {@code timelapse jobs}: the queues of the studio's library, and cancelling a job from the command line. */
class JobsCommandTest {
    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", home.toString()), "Linux", home);
        CommandLine cli = TimelapseCli.create(homes, AgentLaunch.BY_HAND, new BuildInfo("1.2.3"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** A sync that is never run here: the test only queues it. */
    static final class Sync implements JobType<Sync.Params, Sync.Cursor> {
        record Params(String camera) {}

        record Cursor(long sequence) {}

        @Override
        public String name() {
            return "studio:sync";
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
        public Class<Cursor> checkpointType() {
            return Cursor.class;
        }

        @Override
        public void run(JobContext<Params, Cursor> job) {
            // Not run in this test.
        }
    }

    private long queueASync() {
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("library/library.sqlite"));
                ActionLog log = ActionLog.builder("studio").build()) {
            JobRunner runner = JobRunner.builder(db, log).queue("sync", 2).register(new Sync()).build();
            Job job = runner.submit(new Sync(), new Sync.Params("pi-01"), SubmitOptions.key("sync:pi-01"));
            runner.close(Duration.ofSeconds(1));
            return job.id();
        }
    }

    @Test
    void withoutALibraryThereAreNoJobs() {
        Run run = run("jobs");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("No library yet at " + home.resolve("library/library.sqlite"));
    }

    @Test
    void showsEachQueueWithWhatWaitsInIt() {
        queueASync();
        Run run = run("jobs");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).first().asString().startsWith("QUEUE");
        assertThat(run.out()).containsPattern("sync\\s+-\\s+0\\s+1\\s+1");
    }

    @Test
    void cancelsAWaitingJobAndRefusesToCancelItTwice() {
        long id = queueASync();
        Run cancelled = run("jobs", "cancel", String.valueOf(id), "--why", "wrong camera");
        assertThat(cancelled.exitCode()).isZero();
        assertThat(cancelled.out()).isEqualTo("Job " + id + " is cancelled.\n");
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("library/library.sqlite"));
                ActionLog log = ActionLog.builder("studio").build()) {
            Job job = JobRunner.builder(db, log).build().job(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.lastError()).contains("cancelled: wrong camera");
        }
        Run again = run("jobs", "cancel", String.valueOf(id));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("has already cancelled");
        assertThat(run("log").out()).as("the cancel is in the studio's log").contains("job:cancel");
    }

    @Test
    void anUnknownJobIsAClearFailure() {
        queueASync();
        Run run = run("jobs", "cancel", "999");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no job 999.");
    }
}
