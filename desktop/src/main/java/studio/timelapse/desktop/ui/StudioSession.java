package studio.timelapse.desktop.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.cameras.CameraWatch;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.discovery.CameraDiscovery;
import studio.timelapse.desktop.cameras.discovery.DiscoveredCamera;
import studio.timelapse.desktop.importing.ImportJob;
import studio.timelapse.desktop.ingest.AnalysisThreads;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.ingest.IngestJob;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.render.RenderTuning;
import studio.timelapse.desktop.render.encode.Encoders;
import studio.timelapse.desktop.render.encode.standard.StandardEncoders;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sync.AgentCameraLinks;
import studio.timelapse.desktop.sync.SyncJob;
import studio.timelapse.desktop.sync.SyncScheduler;
import studio.timelapse.desktop.sync.SyncSettings;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.RingBufferSink;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.home.DataHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobType;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.lock.Locks;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * The studio core the window works on, opened once and closed when the window closes: the studio's action log with
 * its live status tracker; the library with its locks, sequences and cameras; the one job runner with the sync; the
 * watch over the paired cameras, which asks for a sync whenever a camera says it captured a frame; and, when asked
 * for, discovery of cameras on the LAN. Wiring only — every rule is in the pieces it holds.
 */
public final class StudioSession implements AutoCloseable {
    /** Workers per queue; a queue not named here gets one. */
    private static final Map<String, Integer> WORKERS = Map.of(SyncJob.QUEUE, 2);

    private final DataHome home;
    private final Clock clock;
    private final ActionLog log;
    private final RingBufferSink recent;
    private final TaskStatusTracker tracker;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Library library;
    private final Locks locks;
    private final CameraServices cameras;
    private final SequenceCatalog sequences;
    private final SyncScheduler sync;
    private final IngestJob ingest;
    private final ImportJob importing;
    private final RenderJob render;
    private final JobRunner jobs;
    private final Map<String, JobType<?, ?>> jobTypes = new LinkedHashMap<>();
    private final boolean discoverOnLan;
    private CameraDiscovery discovery;

    private StudioSession(Builder builder) throws IOException {
        this.home = builder.home.createFolders();
        this.clock = builder.clock;
        this.discoverOnLan = builder.discoverOnLan;
        this.recent = new RingBufferSink(10_000);
        this.log = ActionLog.builder("studio").clock(clock, System::nanoTime).logDirectory(home.logs()).sink(recent)
                .build();
        opened.add(log);
        this.tracker = new TaskStatusTracker(clock, 2_000);
        opened.add(log.subscribe(tracker));
        try {
            this.library = Library.open(builder.libraryFolder, log, clock);
            opened.add(library);
            this.locks = Locks.builder(library.database(), log).clock(clock).build();
            opened.add(locks);
            this.cameras = CameraServices.open(library, builder.clientOptions);
            opened.add(cameras);
            this.sequences = new SequenceCatalog(library, locks.asLockCheck("studio"));
            SyncJob syncJob = new SyncJob(library, new AgentCameraLinks(library, cameras.identity(), log),
                    builder.syncSettings);
            jobTypes.put(syncJob.name(), syncJob);
            int analysers = AnalysisThreads.defaultThreads();
            this.ingest = new IngestJob(library, new FrameAnalyzer(), analysers);
            jobTypes.put(ingest.name(), ingest);
            this.importing = new ImportJob(library, new FrameAnalyzer(), analysers);
            jobTypes.put(importing.name(), importing);
            this.render = new RenderJob(Optional.of(library), log, builder.encoders, builder.renderTuning);
            jobTypes.put(render.name(), render);
            builder.jobTypes.forEach(type -> jobTypes.put(type.name(), type));
            JobRunner.Builder runner = JobRunner.builder(library.database(), log).clock(clock).locks(locks)
                    .heartbeatInterval(builder.heartbeatInterval);
            jobTypes.values().stream().map(JobType::queue).distinct()
                    .forEach(queue -> runner.queue(queue, WORKERS.getOrDefault(queue, 1)));
            jobTypes.values().forEach(runner::register);
            this.jobs = runner.build();
            opened.add(() -> jobs.close(Duration.ofSeconds(10)));
            this.sync = new SyncScheduler(jobs, syncJob, clock);
        } catch (RuntimeException | IOException e) {
            closeAll();
            throw e;
        }
    }

    public static Builder builder(DataHome home) {
        return new Builder(home);
    }

    /**
     * Starts the job runner (jobs a killed studio left running resume now), the watch over the paired cameras — each
     * frame a camera announces asks for a sync, and so does each camera coming back after events may have been lost —
     * and, if wanted, discovery on the LAN.
     */
    public StudioSession start() {
        jobs.start();
        // Every finished sync asks for an ingest of what the library holds now; the same frames make one job.
        opened.add(tracker.onChange(status -> {
            if (status.actionType().equals(SyncJob.NAME) && status.state() == TaskStatus.State.SUCCEEDED) {
                ingestEverything();
            }
        }));
        ingestEverything();
        CameraWatch watch = cameras.watch();
        watch.addListener(new CameraWatch.Listener() {
            @Override
            public void onFrameCaptured(String cameraId, FrameInfo frame) {
                sync.captured(cameraId, frame.id());
            }

            @Override
            public void onCatchUp(String cameraId) {
                sync.request(cameraId);
            }

            @Override
            public void onStateChanged(String cameraId, CameraState state, String why) {
                if (CameraState.REACHED.contains(state)) {
                    sync.request(cameraId);
                }
            }
        });
        if (discoverOnLan) {
            try {
                discovery = CameraDiscovery.onLan(log, new CameraDiscovery.Listener() {
                    @Override
                    public void found(DiscoveredCamera camera) {
                        cameras.directory().discovered(camera);
                    }
                });
            } catch (IOException e) {
                // No LAN to look on: cameras can still be added by address. The Cameras screen says so.
                log.message("studio:discovery:unavailable", "reason", String.valueOf(e.getMessage()));
            }
        }
        return this;
    }

    /** Asks for an ingest of every frame the library holds now (thumbnails, luminance, exposure). */
    public Job ingestEverything() {
        IngestJob.Params everything = IngestJob.everythingIn(library);
        return jobs.submit(ingest, everything, IngestJob.submitOptions(everything));
    }

    /** Imports a folder or a card into a new import sequence, as a job. */
    public Job importFolder(Path folder, Optional<String> name, java.time.ZoneId zone) {
        return jobs.submit(importing, ImportJob.Params.of(folder, name, zone), SubmitOptions.defaults());
    }

    /** The render job type: renders and previews are submitted with it. */
    public RenderJob renderJob() {
        return render;
    }

    /** Where rendered videos go: {@code <home>/videos}, previews in {@code previews/} under it. */
    public Path videos() {
        return home.root().resolve("videos");
    }

    public DataHome home() {
        return home;
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

    /** The most recent messages of this process. */
    public RingBufferSink recent() {
        return recent;
    }

    public Library library() {
        return library;
    }

    public Locks locks() {
        return locks;
    }

    public CameraServices cameras() {
        return cameras;
    }

    public SequenceCatalog sequences() {
        return sequences;
    }

    public SyncScheduler sync() {
        return sync;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** Whether discovery listens on the LAN (it may have found no network to listen on). */
    public Optional<CameraDiscovery> discovery() {
        return Optional.ofNullable(discovery);
    }

    /** The job types this studio runs, by name. */
    public Map<String, JobType<?, ?>> jobTypes() {
        return Map.copyOf(jobTypes);
    }

    /** Where the action logs are: the studio's own and, in folders under it, those of other processes. */
    public Path logs() {
        return home.logs();
    }

    /** The window's own settings (size, screen, theme), in the studio's home. */
    public Path windowSettingsFile() {
        return home.root().resolve("studio-window.json");
    }

    /** Where the demo camera keeps its frames and settings: a camera agent's home inside the studio's. */
    public Path demoCameraHome() {
        return home.root().resolve("demo-camera");
    }

    /** Stops discovery, the watch and the runner (running jobs become interrupted and resume next time), then the rest. */
    @Override
    public void close() {
        if (discovery != null) {
            discovery.close();
        }
        closeAll();
    }

    private void closeAll() {
        RuntimeException failure = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the studio", e);
                }
            }
        }
        opened.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Configures a {@link StudioSession}. */
    public static final class Builder {
        private final DataHome home;
        private Path libraryFolder;
        private Clock clock = Clock.systemUTC();
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private final List<JobType<?, ?>> jobTypes = new ArrayList<>();
        private UnaryOperator<AgentClient.Builder> clientOptions = options -> options;
        private SyncSettings syncSettings = SyncSettings.defaults();
        private boolean discoverOnLan;
        private Encoders encoders = StandardEncoders.create();
        private RenderTuning renderTuning = RenderTuning.defaults();

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

        /** Another job type the runner serves (its queue is created with it). */
        public Builder jobType(JobType<?, ?> type) {
            jobTypes.add(type);
            return this;
        }

        /** Options for every camera's client (timeouts, event timing). */
        public Builder cameraClients(UnaryOperator<AgentClient.Builder> options) {
            this.clientOptions = options;
            return this;
        }

        public Builder sync(SyncSettings settings) {
            this.syncSettings = settings;
            return this;
        }

        /** The video encoders renders may use; the standard ones by default. */
        public Builder encoders(Encoders choice) {
            this.encoders = choice;
            return this;
        }

        public Builder renderTuning(RenderTuning tuning) {
            this.renderTuning = tuning;
            return this;
        }

        /** Listens for cameras on every LAN interface (mDNS); off by default, and in tests. */
        public Builder discoverOnLan(boolean discover) {
            this.discoverOnLan = discover;
            return this;
        }

        /**
         * Opens the log, the library, the cameras and the runner (not started).
         *
         * @throws IOException when the home, the library or the studio's identity cannot be created or opened; the
         *     message says which and why
         */
        public StudioSession open() throws IOException {
            return new StudioSession(this);
        }
    }
}
