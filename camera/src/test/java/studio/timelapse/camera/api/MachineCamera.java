package studio.timelapse.camera.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.Guard;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateMachine;
import studio.timelapse.shared.state.StateStore;

/**
 * A camera control on a real capture state machine (SQLite, guards, explain()), so that the routes are tested against
 * the refusals the agent will really give. Its one guard: enough free space to start or resume.
 */
final class MachineCamera implements CameraControl, AutoCloseable {
    static final String CAMERA = "camera";
    static final long NEEDED_BYTES = 1_000_000_000L;

    enum CaptureState { INITIALISING, IDLE, CAPTURING, PAUSED, DELETING, DELETED, FAILED }

    record Facts(long freeBytes) {}

    private final SqliteDatabase db;
    private final StateStore<CaptureState, Facts> store;
    private volatile long freeBytes = 64_000_000_000L;
    private volatile CaptureConfig config = CaptureConfig.demo();
    volatile RuntimeException failure;
    volatile Error severe;

    MachineCamera(Path database, ActionLog log, Clock clock) {
        Lifecycle<CaptureState> lifecycle = Lifecycle.of(CaptureState.INITIALISING, CaptureState.IDLE,
                CaptureState.DELETING, CaptureState.DELETED, CaptureState.FAILED);
        Guard<Facts> space = Guard.requires(facts -> facts.freeBytes() >= NEEDED_BYTES, "camera.low_space",
                "The camera has too little free space to capture", "free at least 1 GB on the camera");
        StateMachine<CaptureState, Facts> machine = StateMachine.<CaptureState, Facts>builder("capture", lifecycle)
                .transition("start").from(CaptureState.IDLE).to(CaptureState.CAPTURING).guard(space)
                .transition("pause").from(CaptureState.CAPTURING).to(CaptureState.PAUSED)
                .transition("resume").from(CaptureState.PAUSED).to(CaptureState.CAPTURING).guard(space)
                .transition("stop").from(CaptureState.CAPTURING, CaptureState.PAUSED).to(CaptureState.IDLE)
                .transition("now").from(CaptureState.IDLE, CaptureState.CAPTURING, CaptureState.PAUSED).staying()
                        .guard(space)
                .build();
        db = SqliteDatabase.open(database);
        db.migrate("shared", "db/shared");
        store = new StateStore<>(db, log, clock, machine);
        store.create(CAMERA, "test set-up");
        store.fire(CAMERA, Lifecycle.READY, 1, facts(), "test set-up");
    }

    void freeBytes(long bytes) {
        freeBytes = bytes;
    }

    private Facts facts() {
        return new Facts(freeBytes);
    }

    @Override
    public AgentStatus status() {
        if (failure != null) {
            throw failure;
        }
        if (severe != null) {
            throw severe;
        }
        return new AgentStatus(store.current(CAMERA).orElseThrow().state().name(), config, freeBytes, 12, 3,
                Optional.empty(), Optional.of(48.5));
    }

    @Override
    public CaptureConfig config() {
        return config;
    }

    @Override
    public CaptureConfig configure(CaptureConfig newConfig, String why) {
        config = newConfig;
        return config;
    }

    @Override
    public List<Refusal> explain(CaptureCommand command) {
        return store.explain(CAMERA, command.wireName(), facts());
    }

    @Override
    public AgentStatus perform(CaptureCommand command, String why) {
        long version = store.current(CAMERA).orElseThrow().version();
        store.fire(CAMERA, command.wireName(), version, facts(), why);
        return status();
    }

    @Override
    public byte[] preview() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    }

    @Override
    public void close() {
        db.close();
    }
}
