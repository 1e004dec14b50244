package studio.timelapse.shared.state;

import java.nio.file.Path;
import java.time.Instant;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.state.CameraMachine.CameraFacts;
import studio.timelapse.shared.state.CameraMachine.CameraState;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** A camera state store on a real SQLite file, with a manual clock, a recording log and hand-held locks. */
final class CameraStore implements AutoCloseable {
    final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T12:00:00Z"));
    final RecordingLog recording = new RecordingLog(clock, clock);
    final FakeLocks locks = new FakeLocks();
    final StateMachine<CameraState, CameraFacts> machine = CameraMachine.build(locks);
    final SqliteDatabase db;
    final StateStore<CameraState, CameraFacts> store;

    CameraStore(Path file) {
        db = SqliteDatabase.open(file);
        db.migrate("shared", "db/shared");
        store = on(db);
    }

    /** Another store on another handle of the same file, as a second process would have. */
    StateStore<CameraState, CameraFacts> on(SqliteDatabase database) {
        return new StateStore<>(database, recording.log(), clock, machine);
    }

    /** Fires from whatever version is current, with every guard met. */
    EntityState<CameraState> fire(String cameraId, String transition) {
        long version = store.current(cameraId).orElseThrow().version();
        return store.fire(cameraId, transition, version, CameraMachine.allMet(cameraId), "test set-up");
    }

    /** A camera created, discovered and paired: online, ready to capture. */
    EntityState<CameraState> online(String cameraId) {
        store.create(cameraId, "test set-up");
        fire(cameraId, Lifecycle.READY);
        fire(cameraId, "pair");
        return fire(cameraId, "confirm_pairing");
    }

    @Override
    public void close() {
        db.close();
        recording.close();
    }
}
