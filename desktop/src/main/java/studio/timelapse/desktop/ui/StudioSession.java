package studio.timelapse.desktop.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.RingBufferSink;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.home.DataHome;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.lock.Locks;

/**
 * The studio core the window works on, opened once and closed when the window closes: the studio's action log with
 * its live status tracker, the library's database with its locks and the one job runner. Wiring only — every rule
 * is in the pieces it holds.
 */
public final class StudioSession implements AutoCloseable {
    /** Workers per queue; a queue not named here gets one. */
    private static final Map<String, Integer> WORKERS = Map.of("sync", 2);
    private static final String DATABASE_FILE = "library.sqlite";

    private final DataHome home;
    private final Path libraryFolder;
    private final Clock clock;
    private final ActionLog log;
    private final RingBufferSink recent;
    private final TaskStatusTracker tracker;
    private final AutoCloseable trackerSubscription;
    private final SqliteDatabase database;
    private final Locks locks;
    private final JobRunner jobs;
    private final Map<String, JobType<?, ?>> jobTypes;

    private StudioSession(Builder builder) throws Exception {
        this.home = builder.home.createFolders();
        this.libraryFolder = builder.libraryFolder.toAbsolutePath().normalize();
        this.clock = builder.clock;
        this.recent = new RingBufferSink(10_000);
        this.log = ActionLog.builder("studio").clock(clock, System::nanoTime).logDirectory(home.logs()).sink(recent)
                .build();
        this.tracker = new TaskStatusTracker(clock, 2_000);
        this.trackerSubscription = log.subscribe(tracker);
        java.nio.file.Files.createDirectories(libraryFolder);
        this.database = SqliteDatabase.open(libraryFolder.resolve(DATABASE_FILE));
        database.migrate("shared", "db/shared");
        this.locks = Locks.builder(database, log).clock(clock).build();
        this.jobTypes = new LinkedHashMap<>();
        builder.jobTypes.forEach(type -> jobTypes.put(type.name(), type));
        JobRunner.Builder runner = JobRunner.builder(database, log).clock(clock).locks(locks)
                .heartbeatInterval(builder.heartbeatInterval);
        jobTypes.values().stream().map(JobType::queue).distinct()
                .forEach(queue -> runner.queue(queue, WORKERS.getOrDefault(queue, 1)));
        jobTypes.values().forEach(runner::register);
        this.jobs = runner.build();
    }

    public static Builder builder(DataHome home) {
        return new Builder(home);
    }

    /** Starts the job runner: jobs a killed studio left running resume now. */
    public StudioSession start() {
        jobs.start();
        return this;
    }

    public DataHome home() {
        return home;
    }

    public Path libraryFolder() {
        return libraryFolder;
    }

    public Clock clock() {
        return clock;
    }

    public ActionLog log() {
        return log;
    }

    /** The live status of every task of this process's log: progress, ETA, heartbeat, stalled. */
    public TaskStatusTracker tracker() {
        return tracker;
    }

    /** The most recent messages of this process, for screens that show what just happened. */
    public RingBufferSink recent() {
        return recent;
    }

    public SqliteDatabase database() {
        return database;
    }

    public Locks locks() {
        return locks;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** The job types this studio runs, by name. */
    public Map<String, JobType<?, ?>> jobTypes() {
        return Map.copyOf(jobTypes);
    }

    /** Where the action logs are: the studio's own and, in folders under it, those fetched from cameras. */
    public Path logs() {
        return home.logs();
    }

    /** The window's own settings (size, screen, theme), next to the library in the studio's home. */
    public Path windowSettingsFile() {
        return home.root().resolve("studio-window.json");
    }

    /** Stops the runner (running jobs become interrupted and resume on the next start), then closes the rest. */
    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        jobs.close(Duration.ofSeconds(10));
        locks.close();
        database.close();
        try {
            trackerSubscription.close();
        } catch (Exception e) {
            failures.add(e);
        }
        log.close();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("closing the studio", failures.get(0));
        }
    }

    /** Configures a {@link StudioSession}. */
    public static final class Builder {
        private final DataHome home;
        private Path libraryFolder;
        private Clock clock = Clock.systemUTC();
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private final List<JobType<?, ?>> jobTypes = new ArrayList<>();

        private Builder(DataHome home) {
            this.home = home;
            this.libraryFolder = home.root().resolve("library");
        }

        /** The library folder; {@code <home>/library} by default. */
        public Builder library(Path folder) {
            this.libraryFolder = folder;
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** A job type the runner serves (its queue is created with it). */
        public Builder jobType(JobType<?, ?> type) {
            jobTypes.add(type);
            return this;
        }

        /**
         * Opens the log, the database and the runner (not started).
         *
         * @throws Exception when the home or library cannot be created or opened; the message says which and why
         */
        public StudioSession open() throws Exception {
            return new StudioSession(this);
        }
    }
}
