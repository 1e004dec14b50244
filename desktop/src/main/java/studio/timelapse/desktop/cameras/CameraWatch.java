package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.AgentEventListener;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.cameras.client.CameraUnreachableException;
import studio.timelapse.desktop.cameras.client.EventSubscription;
import studio.timelapse.desktop.cameras.client.PairedAgent;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.AgentEvent;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.state.EntityState;

/**
 * Keeps the state of every paired camera true while the studio runs: one event stream per camera
 * ({@link EventSubscription}, which reconnects with backoff), and from it online, capturing, paused and error as the
 * camera reports them, offline when the stream breaks, error when the camera no longer accepts this studio. Others
 * listen here for what matters to them — sync for each frame captured, screens for state changes.
 *
 * <p>Listeners are told on the camera's event thread, in order; a slow listener holds up that camera's events only.
 */
public final class CameraWatch implements AutoCloseable {

    /** What the watch tells; every method has a default, so a listener implements what it needs. */
    public interface Listener {
        /** A frame is stored on the camera and can be downloaded. */
        default void onFrameCaptured(String cameraId, FrameInfo frame) {}

        /**
         * The stream (re)opened after events may have been lost — it broke, or the camera says it could not replay
         * them: whoever follows the camera's frames should catch up by listing them.
         */
        default void onCatchUp(String cameraId) {}

        /** The camera's state in the library changed. */
        default void onStateChanged(String cameraId, CameraState state, String why) {}
    }

    private final Library library;
    private final CameraStates states;
    private final CameraClients clients;
    private final CameraLocations locations;
    private final ActionLog log;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private boolean closed;

    private record Watched(PairedAgent agent, EventSubscription subscription) {}

    public CameraWatch(Library library, CameraStates states, CameraClients clients) {
        this.library = library;
        this.states = states;
        this.clients = clients;
        this.locations = new CameraLocations(library);
        this.log = library.log();
    }

    public CameraWatch addListener(Listener listener) {
        listeners.add(listener);
        return this;
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Starts watching every paired camera of the library. */
    public CameraWatch start() {
        refresh();
        return this;
    }

    /**
     * Follows the library: starts watching cameras paired since, stops watching unpaired ones, and reconnects to a
     * camera whose address or pairing changed.
     */
    public synchronized void refresh() {
        if (closed) {
            return;
        }
        Map<String, PairedAgent> wanted = new LinkedHashMap<>();
        for (Camera camera : Cameras.of(library).all()) {
            if (camera.paired()) {
                wanted.put(camera.id(), CameraClients.pairedAgent(camera));
            }
        }
        for (String cameraId : Set.copyOf(watched.keySet())) {
            if (!wanted.containsKey(cameraId) || !wanted.get(cameraId).equals(watched.get(cameraId).agent())) {
                watched.remove(cameraId).subscription().close();
            }
        }
        wanted.forEach((cameraId, agent) -> {
            if (!watched.containsKey(cameraId)) {
                Camera camera = Cameras.of(library).find(cameraId).orElseThrow();
                states.ensure(camera, "paired");
                AgentClient client = clients.client(camera);
                EventSubscription subscription = client.events(Optional.empty(), new CameraEvents(cameraId, client));
                watched.put(cameraId, new Watched(agent, subscription));
            }
        });
    }

    /** The cameras watched now. */
    public synchronized Set<String> watching() {
        return Set.copyOf(watched.keySet());
    }

    /** Whether the camera's event stream is open now. */
    public synchronized boolean connected(String cameraId) {
        Watched camera = watched.get(cameraId);
        return camera != null && camera.subscription().connected();
    }

    @Override
    public synchronized void close() {
        closed = true;
        watched.values().forEach(camera -> camera.subscription().close());
        watched.clear();
    }

    /** One camera's events, turned into its state and told to the listeners. */
    private final class CameraEvents implements AgentEventListener {
        private final String cameraId;
        private final AgentClient client;

        CameraEvents(String cameraId, AgentClient client) {
            this.cameraId = cameraId;
            this.client = client;
        }

        @Override
        public void onConnected() {
            refreshStatus("connected");
            locations.learnFrom(cameraId, client);
            tell(listener -> listener.onCatchUp(cameraId));
        }

        @Override
        public void onEvent(AgentEvent event) {
            if (event instanceof AgentEvent.FrameCaptured captured) {
                tell(listener -> listener.onFrameCaptured(cameraId, captured.frame()));
            } else if (event instanceof AgentEvent.StateChanged changed) {
                follow(CameraState.ofAgentState(changed.to()), "the camera's capture went from "
                        + changed.from().toLowerCase(Locale.ROOT) + " to " + changed.to().toLowerCase(Locale.ROOT)
                        + " (" + changed.transition() + ": " + changed.why() + ")");
            } else if (event instanceof AgentEvent.EventsMissed) {
                refreshStatus("events missed");
                tell(listener -> listener.onCatchUp(cameraId));
            }
        }

        @Override
        public void onDisconnected(Exception cause, Duration retryIn) {
            if (cause instanceof AgentRefusedException refused && refused.hasCode("auth.studio_not_paired")) {
                follow(CameraState.ERROR, "the camera no longer knows this studio: pair it again");
            } else if (cause instanceof CameraUnreachableException unreachable && unreachable.wrongCertificate()) {
                follow(CameraState.ERROR, unreachable.getMessage());
            } else {
                follow(CameraState.OFFLINE, "lost contact: " + cause.getMessage());
            }
        }

        private void refreshStatus(String occasion) {
            try {
                AgentStatus status = client.status();
                Camera camera = Cameras.of(library).find(cameraId).orElseThrow();
                Cameras.of(library).markSeen(cameraId, camera.host(), camera.port(), library.clock().instant());
                CameraState state = CameraState.ofAgentState(status.state());
                follow(state, occasion + "; the camera is " + status.state().toLowerCase(Locale.ROOT)
                        + status.lastError().filter(error -> state == CameraState.ERROR)
                                .map(error -> ": " + error.reason()).orElse(""));
            } catch (IOException | RuntimeException e) {
                // The stream is open, so the camera is there; its state follows from the next event or status.
                log.message("studio:cameras:status_failed", "camera", cameraId, "reason",
                        String.valueOf(e.getMessage()));
            }
        }

        /** Each listener on its own: one that throws is logged, and the others are told all the same. */
        private void tell(java.util.function.Consumer<Listener> call) {
            for (Listener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    log.message("studio:cameras:listener_failed", "camera", cameraId, "exception",
                            e.getClass().getName(), "reason", String.valueOf(e.getMessage()));
                }
            }
        }

        private void follow(CameraState target, String why) {
            try {
                Optional<EntityState<CameraState>> before = states.current(cameraId);
                Optional<EntityState<CameraState>> after = states.follow(cameraId, target, why);
                if (after.isPresent() && (before.isEmpty() || before.get().version() != after.get().version())) {
                    tell(listener -> listener.onStateChanged(cameraId, after.get().state(), why));
                }
            } catch (RuntimeException e) {
                log.message("studio:cameras:state_failed", "camera", cameraId, "target", target.name(), "reason",
                        String.valueOf(e.getMessage()));
            }
        }
    }
}
