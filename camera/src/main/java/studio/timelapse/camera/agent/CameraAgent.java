package studio.timelapse.camera.agent;

import io.javalin.Javalin;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import studio.timelapse.camera.api.AgentApp;
import studio.timelapse.camera.api.EventHub;
import studio.timelapse.camera.api.TaskUpdates;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.CapabilityCheck;
import studio.timelapse.camera.capture.FrameCapture;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.control.CaptureControl;
import studio.timelapse.camera.control.CaptureMachine;
import studio.timelapse.camera.discovery.DiscoveryAnnouncer;
import studio.timelapse.camera.discovery.ServiceAnnouncement;
import studio.timelapse.camera.schedule.CaptureLoop;
import studio.timelapse.camera.schema.SchemaMigrations;
import studio.timelapse.camera.schedule.PlanFactory;
import studio.timelapse.camera.schedule.SlotTimer;
import studio.timelapse.camera.security.AccessControl;
import studio.timelapse.camera.security.AgentSecurity;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.actionlog.slf4j.LibraryLogBridge;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.home.DataHome;
import studio.timelapse.shared.protocol.AgentEvent;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.StateStore;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * The running agent: its log, database, store, camera, capture control and HTTPS API, assembled in one place and
 * closed in reverse. A capture that was running when the agent last stopped starts again.
 */
public final class CameraAgent implements AutoCloseable {
    private final ActionLog log;
    private final AutoCloseable libraryRoute;
    private final SqliteDatabase db;
    private final FrameStore store;
    private final CameraBackend backend;
    private final FrameCapture capture;
    private final CaptureControl control;
    private final EventHub events;
    private final AgentSecurity security;
    private final Javalin app;
    private final AgentSettings settings;
    private final AgentPanel panel;
    private final Optional<DiscoveryAnnouncer> announcer;

    /** How an agent is started: where it listens (tests bind loopback on a free port) and the synthetic clock. */
    public record Options(Optional<String> bindHost, Optional<Integer> port, SceneClock sceneClock) {
        public static Options asConfigured() {
            return new Options(Optional.empty(), Optional.empty(), SceneClock.realTime());
        }

        public static Options onLoopback(SceneClock sceneClock) {
            return new Options(Optional.of("127.0.0.1"), Optional.of(0), sceneClock);
        }
    }

    private CameraAgent(DataHome home, Options options, Clock clock) throws IOException {
        home.createFolders();
        this.log = ActionLog.builder("camera").logDirectory(home.logs()).build();
        this.libraryRoute = LibraryLogBridge.route(log);
        AgentSettingsFile settingsFile = new AgentSettingsFile(home.root());
        AgentSettings loaded = settingsFile.loadOrCreate();
        Optional<Refusal> wrong = loaded.firstProblem();
        if (wrong.isPresent()) {
            throw new IOException(settingsFile.file() + ": " + wrong.get().describe());
        }
        this.settings = loaded;
        AtomicReference<AgentSettings> current = new AtomicReference<>(loaded);
        ZoneId zone = loaded.capture().location().map(CameraLocation::zoneId).orElse(ZoneId.systemDefault());

        this.db = SqliteDatabase.open(home.root().resolve("agent.sqlite"));
        SchemaMigrations migrations = new SchemaMigrations(db);
        migrations.bringUpToDate("shared", "db/shared");
        migrations.bringUpToDate("agent", "db/agent");
        this.store = FrameStore.builder(home.root(), db, log).clock(clock).zone(zone).open();
        this.backend = Backends.create(loaded.capture(), log, zone, options.sceneClock());
        this.events = EventHub.create(clock);
        TaskStatusTracker tracker = new TaskStatusTracker(clock, 200);
        log.subscribe(tracker);
        TaskUpdates.forward(tracker, events);
        this.capture = new FrameCapture(backend, store, store.retention(loaded.retention()),
                new SettingsPerSlot(current),
                Duration.ofMillis(Math.round(loaded.captureTimeoutSeconds() * 1000)), clock, log,
                frame -> frameStored(frame));

        StateStore<studio.timelapse.camera.control.CaptureState, studio.timelapse.camera.control.CaptureFacts> states =
                new StateStore<>(db, log, clock, CaptureMachine.build());
        Function<CaptureConfig, List<Refusal>> problems = config -> CapabilityCheck.problems(backend, config);
        this.control = new CaptureControl(states, () -> current.get().capture(), problems,
                (config, listener) -> startLoop(config, listener, clock), log);
        control.onTransition((from, to, transition, why) -> events.publish(new AgentEvent.StateChanged(
                from.name().toLowerCase(java.util.Locale.ROOT), to.name().toLowerCase(java.util.Locale.ROOT),
                transition, why, clock.instant())));

        this.security = AgentSecurity.builder(home.root().resolve("identity"), db, log).clock(clock).build();
        this.panel = new AgentPanel(loaded, capture, security, log);
        control.onTransition((from, to, transition, why) -> panel.stateChanged(to));
        AgentCamera camera = new AgentCamera(control, capture, store, settingsFile, current, problems, clock);
        String host = options.bindHost().orElse(loaded.bindHost());
        int port = options.port().orElse(loaded.port());
        this.app = AgentApp.builder(log).agent(loaded.id(), BuildInfo.load().version()).frames(new StoreFrames(store))
                .camera(camera).events(events).logFolder(home.logs()).clock(clock, System::nanoTime)
                .publicRole(AccessControl.Access.PUBLIC)
                .extension(config -> config.jetty.threadPool = smallThreadPool())
                .extension(config -> security.install(config, host, port))
                .build();
        control.open();
        panel.stateChanged(control.state().state());
        app.start();
        this.announcer = loaded.announce() && options.bindHost().isEmpty()
                ? Optional.of(DiscoveryAnnouncer.onLan(ServiceAnnouncement.of(loaded.name(), app.port(), loaded.id(),
                        BuildInfo.load().version()).withFingerprint(security.identity().fingerprint().shortForm()), log)
                        .start())
                : Optional.empty();
        log.message("camera:agent:started", "id", loaded.id(), "name", loaded.name(), "port", app.port(),
                "backend", backend.name(), "fingerprint", security.identity().fingerprint().shortForm());
    }

    private void frameStored(studio.timelapse.shared.protocol.FrameInfo frame) {
        events.publish(new AgentEvent.FrameCaptured(frame));
        if (panel != null) {
            panel.frameTaken();
        }
    }

    private CaptureLoop startLoop(CaptureConfig config, studio.timelapse.camera.schedule.CaptureListener listener,
            Clock clock) {
        CaptureLoop loop = new CaptureLoop(PlanFactory.plan(config.schedule(), config.location(), Instant.now(clock)),
                capture, SlotTimer.system(clock), log, listener, CaptureLoop.Settings.defaults());
        loop.start();
        return loop;
    }

    /**
     * Jetty's threads for a camera that serves one or two studios: Javalin's default keeps eight threads and a
     * reserve alive for a busy server, each a stack and a malloc arena an idle agent pays for. Threads beyond the
     * minimum are made when requests come and leave after a minute without work, all of them (Jetty's default lets
     * one go per minute, so a pool grown by a sync stayed large for several minutes after it).
     */
    private static QueuedThreadPool smallThreadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(32, 2, 60_000);
        pool.setName("JettyServerThreadPool");
        pool.setReservedThreads(0);
        pool.setMaxEvictCount(32);
        return pool;
    }

    /** Starts the agent in {@code home}. */
    public static CameraAgent start(DataHome home, Options options) throws IOException {
        return new CameraAgent(home, options, Clock.systemUTC());
    }

    public int port() {
        return app.port();
    }

    public AgentSettings settings() {
        return settings;
    }

    public CertificateFingerprint fingerprint() {
        return security.identity().fingerprint();
    }

    public AgentSecurity security() {
        return security;
    }

    public CaptureControl control() {
        return control;
    }

    public FrameStore store() {
        return store;
    }

    public ActionLog log() {
        return log;
    }

    /** Stops serving and capturing; a running capture resumes at the next start. */
    @Override
    public void close() {
        announcer.ifPresent(DiscoveryAnnouncer::close);
        app.stop();
        events.close();
        control.close();
        capture.close();
        panel.close();
        backend.close();
        try {
            store.close();
        } catch (IOException e) {
            log.message("camera:agent:close_failed", "part", "store", "reason", e.getMessage());
        }
        db.close();
        log.message("camera:agent:stopped");
        try {
            libraryRoute.close();
        } catch (Exception e) {
            // Only unregisters the route.
        }
        log.close();
    }
}
