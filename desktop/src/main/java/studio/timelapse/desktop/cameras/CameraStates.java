package studio.timelapse.desktop.cameras;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.EntityState;
import studio.timelapse.shared.state.HistoryEntry;
import studio.timelapse.shared.state.StateStore;

/**
 * The cameras' states, kept in the library's database by the shared {@link StateStore}: what each camera is now,
 * since when and why, what could be done with it ({@link #available}) and why not ({@link #explain}). Changes go only
 * through named transitions, each with its cause; {@link #follow} moves a camera to the state its answers and events
 * show, firing whichever transition leads there. Thread-safe.
 */
public final class CameraStates {
    private final Library library;
    private final StateStore<CameraState, CameraFacts> store;
    private final ZoneId zone;

    public CameraStates(Library library, ZoneId zone) {
        this.library = library;
        this.zone = zone;
        this.store = new StateStore<>(library.database(), library.log(), library.clock(), CameraMachine.build());
    }

    /** With the studio machine's zone for the times in reasons. */
    public static CameraStates of(Library library) {
        return new CameraStates(library, ZoneId.systemDefault());
    }

    /**
     * The camera's state, creating it if the camera has none yet: discovered, or paired for a camera the library
     * holds a pairing of.
     */
    public EntityState<CameraState> ensure(Camera camera, String why) {
        Optional<EntityState<CameraState>> now = store.current(camera.id());
        if (now.isPresent()) {
            return now.get();
        }
        CameraFacts facts = facts(camera.id(), camera.name());
        try {
            EntityState<CameraState> state = store.create(camera.id(), why);
            state = store.fire(camera.id(), "ready", state.version(), facts, why);
            if (camera.paired()) {
                state = store.fire(camera.id(), CameraMachine.PAIR, state.version(), facts, "paired before its"
                        + " state was kept");
                state = store.fire(camera.id(), CameraMachine.PAIRED_OK, state.version(), facts, "paired before"
                        + " its state was kept");
            }
            return state;
        } catch (RefusedException raced) {
            // Another thread or process created it first: theirs is as good.
            return store.current(camera.id()).orElseThrow(() -> raced);
        }
    }

    public Optional<EntityState<CameraState>> current(String cameraId) {
        return store.current(cameraId);
    }

    /** Why the camera is in its state: the cause its last step named. */
    public Optional<String> why(String cameraId) {
        List<HistoryEntry<CameraState>> history = store.history(cameraId);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).why());
    }

    public List<HistoryEntry<CameraState>> history(String cameraId) {
        return store.history(cameraId);
    }

    /** The transitions that could fire now ({@value CameraMachine#CONTROL} among them when commands may be sent). */
    public List<String> available(Camera camera) {
        return store.available(camera.id(), facts(camera.id(), camera.name()));
    }

    /** Every reason {@code transition} cannot fire now; empty when it can. */
    public List<Refusal> explain(Camera camera, String transition) {
        return store.explain(camera.id(), transition, facts(camera.id(), camera.name()));
    }

    /**
     * Fires {@code transition} from the state the camera is in now.
     *
     * @throws RefusedException when it cannot fire, with every reason
     */
    public EntityState<CameraState> fire(Camera camera, String transition, String why) {
        EntityState<CameraState> now = ensure(camera, "known to the library");
        return store.fire(camera.id(), transition, now.version(), facts(camera.id(), camera.name()), why);
    }

    /**
     * Moves the camera to {@code target} (online, capturing, paused, error or offline) unless it is there already:
     * what the camera's answers and events say wins over what was stored. A camera that is not paired, or being
     * paired or unpaired meanwhile, is left as it is.
     *
     * @return the state afterwards
     */
    public Optional<EntityState<CameraState>> follow(String cameraId, CameraState target, String why) {
        String transition = CameraMachine.FOLLOW.get(target);
        if (transition == null) {
            throw new IllegalArgumentException(target + " is not a state a camera's answers decide");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<EntityState<CameraState>> now = store.current(cameraId);
            if (now.isEmpty() || now.get().state() == target || !now.get().state().paired()) {
                return now;
            }
            try {
                return Optional.of(store.fire(cameraId, transition, now.get().version(), facts(cameraId, cameraId),
                        why));
            } catch (RefusedException e) {
                if (e.refusals().stream().noneMatch(refusal -> refusal.code().equals("state.conflict"))) {
                    throw e;
                }
                // Someone moved it meanwhile (an unpair, another event): look again.
            }
        }
        return store.current(cameraId);
    }

    private CameraFacts facts(String cameraId, String name) {
        Optional<EntityState<CameraState>> entity = store.current(cameraId);
        return new CameraFacts(cameraId, name, entity, entity.flatMap(e -> why(cameraId)), library.clock().instant(),
                zone);
    }
}
