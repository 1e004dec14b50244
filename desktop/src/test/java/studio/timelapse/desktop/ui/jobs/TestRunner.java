package studio.timelapse.desktop.ui.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import studio.timelapse.desktop.ui.StepJob;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobType;

/**
 * A real job runner on a SQLite file in {@code folder}, with a studio log in {@code folder/logs} followed by a status
 * tracker, running {@link StepJob}s whose pace the test sets. Heartbeats every 200 ms, so "stalled" comes quickly.
 */
final class TestRunner implements AutoCloseable {
    private final SqliteDatabase database;
    private final ActionLog log;
    private final TaskStatusTracker tracker;
    private final AutoCloseable following;
    private final JobRunner jobs;
    private final StepJob type;
    private final Path logs;

    private TestRunner(Path folder, Clock clock, StepJob type) {
        this.type = type;
        this.logs = folder.resolve("logs");
        this.database = SqliteDatabase.open(folder.resolve("jobs.sqlite"));
        this.log = ActionLog.builder("studio").clock(clock, System::nanoTime).logDirectory(logs).build();
        this.tracker = new TaskStatusTracker(clock, 1_000);
        this.following = log.subscribe(tracker);
        this.jobs = JobRunner.builder(database, log).clock(clock).heartbeatInterval(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(50)).queue(type.queue(), 1).register(type).build().start();
    }

    static TestRunner open(Path folder, Clock clock, StepJob type) {
        return new TestRunner(folder, clock, type);
    }

    JobRunner jobs() {
        return jobs;
    }

    ActionLog log() {
        return log;
    }

    TaskStatusTracker tracker() {
        return tracker;
    }

    Path logs() {
        return logs;
    }

    Map<String, JobType<?, ?>> types() {
        return Map.of(type.name(), type);
    }

    @Override
    public void close() throws Exception {
        jobs.close(Duration.ofSeconds(5));
        following.close();
        log.close();
        database.close();
    }
}
