package studio.timelapse.desktop.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.render.RenderTuning;
import studio.timelapse.desktop.render.encode.Encoders;
import studio.timelapse.desktop.render.encode.standard.StandardEncoders;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.lock.Locks;

/**
 * The studio's engine, assembled once: a library, the locks and the one job runner (with every job type the studio
 * has) on the library's database. The command line and the window open this and nothing else, so work started from
 * either is the same work, visible to both, and resumed by whichever starts next.
 */
public final class StudioCore implements AutoCloseable {
    private final Library library;
    private final Locks locks;
    private final Encoders encoders;
    private final JobRunner jobs;
    private final RenderJob renderJob;
    private final ActionLog log;

    private StudioCore(Library library, Locks locks, Encoders encoders, JobRunner jobs, RenderJob renderJob,
            ActionLog log) {
        this.renderJob = renderJob;
        this.library = library;
        this.locks = locks;
        this.encoders = encoders;
        this.jobs = jobs;
        this.log = log;
    }

    /**
     * Opens (creating if needed) the library in {@code libraryFolder} and starts the job runner: unfinished work of a
     * process that is gone resumes now.
     */
    public static StudioCore open(Path libraryFolder, ActionLog log, Clock clock, Settings settings) {
        Library library = Library.open(libraryFolder, log, clock);
        try {
            Locks locks = Locks.builder(library.database(), log).build();
            Encoders encoders = settings.encoders();
            RenderJob renderJob = new RenderJob(Optional.of(library), log, encoders, settings.render());
            JobRunner jobs = JobRunner.builder(library.database(), log)
                    .clock(clock)
                    .locks(locks)
                    .queue(RenderJob.QUEUE, 1)
                    .register(renderJob)
                    .pollInterval(settings.pollInterval())
                    .build()
                    .start();
            return new StudioCore(library, locks, encoders, jobs, renderJob, log);
        } catch (RuntimeException e) {
            library.close();
            throw e;
        }
    }

    /** How the engine runs; {@link #defaults()} for users, tests tune the rest. */
    public record Settings(Encoders encoders, RenderTuning render, Duration pollInterval) {
        public static Settings defaults() {
            return new Settings(StandardEncoders.create(), RenderTuning.defaults(), Duration.ofMillis(200));
        }

        public Settings withRender(RenderTuning tuning) {
            return new Settings(encoders, tuning, pollInterval);
        }

        public Settings withPollInterval(Duration interval) {
            return new Settings(encoders, render, interval);
        }

        public Settings withEncoders(Encoders newEncoders) {
            return new Settings(newEncoders, render, pollInterval);
        }
    }

    public Library library() {
        return library;
    }

    public Locks locks() {
        return locks;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** The render job type, to submit renders with {@code jobs().submit(renderJob(), request, options)}. */
    public RenderJob renderJob() {
        return renderJob;
    }

    public Encoders encoders() {
        return encoders;
    }

    public ActionLog log() {
        return log;
    }

    /** Stops taking work, lets running jobs reach a checkpoint for a moment, and closes the library. */
    @Override
    public void close() {
        try {
            jobs.close(Duration.ofSeconds(5));
        } finally {
            try {
                locks.close();
            } finally {
                library.close();
            }
        }
    }
}
