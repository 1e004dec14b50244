package studio.timelapse.desktop.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import studio.timelapse.desktop.render.RenderScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import studio.timelapse.desktop.cameras.CameraClients;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.importing.ImportJob;
import studio.timelapse.desktop.ingest.AnalysisThreads;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.ingest.IngestJob;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.render.RenderTuning;
import studio.timelapse.desktop.render.encode.Encoders;
import studio.timelapse.desktop.render.encode.standard.StandardEncoders;
import studio.timelapse.desktop.sync.AgentCameraLinks;
import studio.timelapse.desktop.sync.SyncJob;
import studio.timelapse.desktop.sync.SyncScheduler;
import studio.timelapse.desktop.sync.SyncSettings;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.lock.Locks;

/**
 * The studio's engine, assembled once: a library, the locks and the one job runner (with every job type the studio
 * has) on the library's database. The command line and the window open this and nothing else, so work started from
 * either is the same work, visible to both, and resumed by whichever starts next.
 */
public final class StudioCore implements AutoCloseable {
    private static final Duration SCHEDULE_CHECK = Duration.ofMinutes(10);
    /** The first look at the render schedules waits this long after opening: the start is busy enough. */
    private static final Duration FIRST_SCHEDULE_CHECK = Duration.ofSeconds(30);

    /** Cameras synced at once; more wait their turn (each sync downloads several frames in parallel). */
    private static final int SYNC_WORKERS = 4;
    private final Library library;
    private final Locks locks;
    private final Encoders encoders;
    private final JobRunner jobs;
    private final RenderJob renderJob;
    private final IngestJob ingestJob;
    private final ImportJob importJob;
    private final SyncJob syncJob;
    private final CameraClients cameraClients;
    private final AgentCameraLinks cameraLinks;
    private final SyncScheduler sync;
    private final RenderScheduler renderScheduler;
    private final ScheduledExecutorService schedules;
    private final ActionLog log;

    private StudioCore(Library library, Locks locks, Encoders encoders, JobRunner jobs, RenderJob renderJob,
            IngestJob ingestJob, ImportJob importJob, SyncJob syncJob, CameraClients cameraClients,
            SyncScheduler sync, ActionLog log, Work work, Duration firstScheduleCheck) {
        this.renderJob = renderJob;
        this.ingestJob = ingestJob;
        this.importJob = importJob;
        this.syncJob = syncJob;
        this.cameraClients = cameraClients;
        this.cameraLinks = cameraClients == null ? null : new AgentCameraLinks(cameraClients);
        this.sync = sync;
        this.renderScheduler = new RenderScheduler(library, jobs, renderJob, library.clock(), log);
        this.schedules = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "render-schedules");
            thread.setDaemon(true);
            return thread;
        });
        this.library = library;
        this.locks = locks;
        this.encoders = encoders;
        this.jobs = jobs;
        this.log = log;
        if (work == Work.ALL) {
            // Each occurrence waits in the queue for its time; looking again now and then queues the ones after it.
            // The first look waits a little, so as not to compete with a window opening over a big library; what was
            // missed while no studio was open is still due then and is queued by that first look.
            schedules.scheduleWithFixedDelay(this::catchUpSchedules, firstScheduleCheck.toMillis(),
                    SCHEDULE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens (creating if needed) the library in {@code libraryFolder} and starts the job runner: unfinished work of a
     * process that is gone resumes now, whichever command or window opens it.
     */
    public static StudioCore open(Path libraryFolder, ActionLog log, Clock clock, Settings settings) {
        return assemble(libraryFolder, log, clock, settings, Work.ALL);
    }

    /**
     * The same engine, working the render queue only: for {@code timelapse render}, which runs one render and waits
     * for it. No sync, ingest or import workers poll the library meanwhile and no render schedule is checked (they
     * cost about 2 % of a 300-frame render's CPU); other queues' work waits for an engine opened with {@link #open}.
     * Only render jobs can be submitted to it. It talks to no camera, so it neither reads nor makes the studio's key:
     * {@link #cameraClients}, {@link #cameraLinks}, {@link #sync} and {@link #syncJob} refuse with
     * {@link IllegalStateException}.
     */
    public static StudioCore openForRenders(Path libraryFolder, ActionLog log, Clock clock, Settings settings) {
        return assemble(libraryFolder, log, clock, settings, Work.RENDERS);
    }

    /**
     * The same engine, opened to look and to steer but not to work: the job runner (for the queues, the jobs, their
     * insight, and cancelling one in whichever process runs it), the locks and the library, with no worker started
     * and no schedule checked. For commands that only show or change state ({@code jobs}, {@code sequences}).
     */
    public static StudioCore openToLook(Path libraryFolder, ActionLog log, Clock clock) {
        return assemble(libraryFolder, log, clock, Settings.defaults(), Work.NONE);
    }

    /** Which work an assembled engine does. */
    private enum Work { ALL, RENDERS, NONE }

    private static StudioCore assemble(Path libraryFolder, ActionLog log, Clock clock, Settings settings, Work work) {
        Library library = Library.open(libraryFolder, log, clock);
        CameraClients cameraClients = null;
        try {
            Locks locks = Locks.builder(library.database(), log).build();
            Encoders encoders = settings.encoders();
            RenderJob renderJob = new RenderJob(Optional.of(library), log, encoders, settings.render());
            FrameAnalyzer analyzer = new FrameAnalyzer();
            IngestJob ingestJob = new IngestJob(library, analyzer, settings.analysisThreads());
            ImportJob importJob = new ImportJob(library, analyzer, settings.analysisThreads());
            JobRunner.Builder runner = JobRunner.builder(library.database(), log)
                    .clock(clock)
                    .locks(locks);
            SyncJob syncJob = null;
            if (work != Work.RENDERS) {
                // The studio's key is read (or made) only by an engine that may talk to cameras: a render never
                // does, and loading the key and its cryptography costs a render's start a tenth of a second or more.
                cameraClients = new CameraClients(library, StudioIdentity.loadOrCreate(library.folder(), log));
                syncJob = new SyncJob(library, new AgentCameraLinks(cameraClients), settings.sync());
                runner.queue(SyncJob.QUEUE, SYNC_WORKERS)
                        .register(syncJob)
                        .queue(IngestJob.QUEUE, 1)
                        .register(ingestJob)
                        .queue(ImportJob.QUEUE, 1)
                        .register(importJob);
            }
            JobRunner jobs = runner.queue(RenderJob.QUEUE, 1)
                    .register(renderJob)
                    .pollInterval(settings.pollInterval())
                    .build();
            if (work != Work.NONE) {
                jobs.start();
            }
            return new StudioCore(library, locks, encoders, jobs, renderJob, ingestJob, importJob, syncJob,
                    cameraClients, syncJob == null ? null : new SyncScheduler(jobs, syncJob, clock), log, work,
                    settings.firstScheduleCheck());
        } catch (IOException e) {
            library.close();
            throw new UncheckedIOException("The studio's identity in " + library.folder() + " cannot be read", e);
        } catch (RuntimeException e) {
            if (cameraClients != null) {
                cameraClients.close();
            }
            library.close();
            throw e;
        }
    }

    /**
     * How the engine runs; {@link #defaults()} for users, tests tune the rest.
     *
     * @param analysisThreads frames analysed at once by ingest and import (one per core by default)
     * @param firstScheduleCheck how long after {@link #open} the render schedules are first looked at (30 s by
     *     default, then every 10 minutes): renders missed while no studio was open are queued then
     */
    public record Settings(Encoders encoders, RenderTuning render, SyncSettings sync, Duration pollInterval,
            int analysisThreads, Duration firstScheduleCheck) {
        public Settings {
            if (analysisThreads < 1) {
                throw new IllegalArgumentException("at least one analysis thread, not " + analysisThreads);
            }
            if (firstScheduleCheck.isNegative()) {
                throw new IllegalArgumentException("the first schedule check cannot be " + firstScheduleCheck
                        + " after opening");
            }
        }

        public static Settings defaults() {
            return new Settings(StandardEncoders.create(), RenderTuning.defaults(), SyncSettings.defaults(),
                    Duration.ofMillis(200), AnalysisThreads.defaultThreads(), FIRST_SCHEDULE_CHECK);
        }

        public Settings withRender(RenderTuning tuning) {
            return new Settings(encoders, tuning, sync, pollInterval, analysisThreads, firstScheduleCheck);
        }

        public Settings withSync(SyncSettings newSync) {
            return new Settings(encoders, render, newSync, pollInterval, analysisThreads, firstScheduleCheck);
        }

        public Settings withPollInterval(Duration interval) {
            return new Settings(encoders, render, sync, interval, analysisThreads, firstScheduleCheck);
        }

        public Settings withEncoders(Encoders newEncoders) {
            return new Settings(newEncoders, render, sync, pollInterval, analysisThreads, firstScheduleCheck);
        }

        public Settings withAnalysisThreads(int threads) {
            return new Settings(encoders, render, sync, pollInterval, threads, firstScheduleCheck);
        }

        public Settings withFirstScheduleCheck(Duration delay) {
            return new Settings(encoders, render, sync, pollInterval, analysisThreads, delay);
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

    /** The ingest job type: thumbnails, brightness and EXIF of every frame not yet ingested. */
    public IngestJob ingestJob() {
        return ingestJob;
    }

    /** The import job type: a folder or a card into the library. */
    public ImportJob importJob() {
        return importJob;
    }

    /** The sync job type, for whoever re-submits jobs by type (a retry button); {@link #sync()} asks for syncs. */
    public SyncJob syncJob() {
        return withCameras(syncJob);
    }

    /** Sync of paired cameras: one job per camera at a time, asked for whenever a camera announces a frame. */
    public SyncScheduler sync() {
        return withCameras(sync);
    }

    /** The connections sync uses to each paired camera, and their event streams. */
    public AgentCameraLinks cameraLinks() {
        return withCameras(cameraLinks);
    }

    /** The one client per paired camera that sync and the event streams share (closed with the core). */
    public CameraClients cameraClients() {
        return withCameras(cameraClients);
    }

    /** {@code part}, which a render-only engine (see {@link #openForRenders}) does not have. */
    private static <T> T withCameras(T part) {
        if (part == null) {
            throw new IllegalStateException("a render-only studio engine talks to no camera: open it with"
                    + " StudioCore.open for sync and camera links");
        }
        return part;
    }

    /** Scheduled renders: their occurrences are queued as render jobs by this core every few minutes. */
    public RenderScheduler renderScheduler() {
        return renderScheduler;
    }

    private void catchUpSchedules() {
        try {
            renderScheduler.catchUp();
        } catch (IOException | RuntimeException e) {
            log.message("studio:render:schedules_failed", java.util.Map.of("reason", String.valueOf(e)));
        }
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
        schedules.shutdownNow();
        try {
            jobs.close(Duration.ofSeconds(5));
        } finally {
            try {
                if (cameraClients != null) {
                    cameraClients.close();
                }
            } finally {
                try {
                    locks.close();
                } finally {
                    library.close();
                }
            }
        }
    }
}
