package studio.timelapse.desktop.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.discovery.CameraDiscovery;
import studio.timelapse.desktop.cameras.discovery.DiscoveredCamera;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.importing.ImportJob;
import studio.timelapse.desktop.ingest.IngestJob;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sync.SyncJob;
import studio.timelapse.desktop.sync.SyncScheduler;
import studio.timelapse.desktop.sync.SyncTrigger;
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

/**
 * What the window works on, opened once and closed when the window closes: the studio's action log with its live
 * status tracker; the {@link StudioCore} (library, locks, the job runner with sync, ingest, import and render); the
 * cameras with their watch, which asks for a sync whenever a camera announces a frame; the sequences; and, when asked
 * for, discovery of cameras on the LAN. Each finished sync asks for an ingest, so new frames get their thumbnails and
 * brightness. Wiring only — every rule is in the pieces it holds.
 */
public final class StudioSession implements AutoCloseable {
    private final DataHome home;
    private final Clock clock;
    private final ActionLog log;
    private final RingBufferSink recent;
    private final TaskStatusTracker tracker;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final StudioCore core;
    private final CameraServices cameras;
    private final SequenceCatalog sequences;
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
            this.core = StudioCore.open(builder.libraryFolder, log, clock, builder.core);
            opened.add(core);
            this.cameras = CameraServices.open(core.library(), builder.clientOptions);
            opened.add(cameras);
            this.sequences = new SequenceCatalog(core.library(), core.locks().asLockCheck("studio"));
            // Retrying a job submits it again by its type: the core's own types.
            for (JobType<?, ?> type : List.of(core.syncJob(), core.ingestJob(), core.importJob(), core.renderJob())) {
                jobTypes.put(type.name(), type);
            }
        } catch (RuntimeException | IOException e) {
            closeAll();
            throw e;
        }
    }

    public static Builder builder(DataHome home) {
        return new Builder(home);
    }

    /**
     * Starts the watch over the paired cameras (each frame a camera announces asks for a sync, and so does a camera
     * coming back after events may have been lost), an ingest after every sync, and, if wanted, discovery.
     */
    public StudioSession start() {
        cameras.watch().addListener(new SyncTrigger(core.sync(), log));
        opened.add(tracker.onChange(status -> {
            if (status.actionType().equals(SyncJob.NAME) && status.state() == TaskStatus.State.SUCCEEDED) {
                ingestEverything();
            }
        }));
        ingestEverything();
        if (discoverOnLan) {
            try {
                discovery = CameraDiscovery.onLan(log, new CameraDiscovery.Listener() {
                    @Override
                    public void found(DiscoveredCamera camera) {
                        cameras.directory().discovered(camera);
                    }
                });
            } catch (IOException e) {
                // No LAN to look on: cameras can still be added by address.
                log.message("studio:discovery:unavailable", "reason", String.valueOf(e.getMessage()));
            }
        }
        return this;
    }

    /** Asks for an ingest of every frame the library holds now (thumbnails, luminance, exposure). */
    public Job ingestEverything() {
        IngestJob.Params everything = IngestJob.everythingIn(core.library());
        return core.jobs().submit(core.ingestJob(), everything, IngestJob.submitOptions(everything));
    }

    /** Imports a folder or a card into a new import sequence, as a job. */
    public Job importFolder(Path folder, Optional<String> name, ZoneId zone) {
        return core.jobs().submit(core.importJob(), ImportJob.Params.of(folder, name, zone), SubmitOptions.defaults());
    }

    public StudioCore core() {
        return core;
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
        return core.library();
    }

    public Locks locks() {
        return core.locks();
    }

    public CameraServices cameras() {
        return cameras;
    }

    public SequenceCatalog sequences() {
        return sequences;
    }

    public SyncScheduler sync() {
        return core.sync();
    }

    public JobRunner jobs() {
        return core.jobs();
    }

    public RenderJob renderJob() {
        return core.renderJob();
    }

    /** The job types this studio runs, by name (for running a failed or cancelled job again). */
    public Map<String, JobType<?, ?>> jobTypes() {
        return Map.copyOf(jobTypes);
    }

    /** Whether discovery listens on the LAN (it may have found no network to listen on). */
    public Optional<CameraDiscovery> discovery() {
        return Optional.ofNullable(discovery);
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

    /** Where rendered videos go: {@code <home>/videos}, previews in {@code previews/} under it. */
    public Path videos() {
        return home.root().resolve("videos");
    }

    /** Stops discovery, the watch and the core (running jobs stop at a checkpoint and resume next time), then the log. */
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
        private StudioCore.Settings core = StudioCore.Settings.defaults();
        private UnaryOperator<AgentClient.Builder> clientOptions = options -> options;
        private boolean discoverOnLan;

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

        /** How the core runs: encoders, render tuning, sync settings, how often idle workers look for work. */
        public Builder core(StudioCore.Settings settings) {
            this.core = settings;
            return this;
        }

        /** Options for every camera's client (timeouts, event timing). */
        public Builder cameraClients(UnaryOperator<AgentClient.Builder> options) {
            this.clientOptions = options;
            return this;
        }

        /** Listens for cameras on every LAN interface (mDNS); off by default, and in tests. */
        public Builder discoverOnLan(boolean discover) {
            this.discoverOnLan = discover;
            return this;
        }

        /**
         * Opens the log, the core (whose runner starts: unfinished work resumes) and the cameras.
         *
         * @throws IOException when the home, the library or the studio's identity cannot be created or opened; the
         *     message says which and why
         */
        public StudioSession open() throws IOException {
            return new StudioSession(this);
        }
    }
}
