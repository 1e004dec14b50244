package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.util.List;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.cameras.client.CameraUnreachableException;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureAvailability;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Controlling a camera from the studio: start, stop, pause, resume, one frame now, its settings, its status. The
 * studio's own machine says whether a command may be sent at all (paired? reachable?); the camera's capture machine
 * says whether it accepts it, and its refusals (409, with reasons and remedies) reach the caller unchanged, as
 * {@link AgentRefusedException}. What the camera answers keeps the camera's state up to date.
 */
public final class RemoteControl {
    private final Library library;
    private final CameraStates states;
    private final CameraClients clients;

    public RemoteControl(Library library, CameraStates states, CameraClients clients) {
        this.library = library;
        this.states = states;
        this.clients = clients;
    }

    @FunctionalInterface
    private interface Request<T> {
        T send(AgentClient client) throws IOException;
    }

    /**
     * Sends a capture command and answers the camera's status after it.
     *
     * @throws RefusedException this studio's refusal (not paired, offline since …) or the camera's
     *     ({@link AgentRefusedException}: "the capture is idle; pause needs it capturing")
     * @throws IOException when the camera cannot be reached or fails
     */
    public AgentStatus command(String cameraId, CaptureCommand command) throws IOException {
        Camera camera = camera(cameraId);
        try (Action action = library.log().start("studio:cameras:command", "camera", cameraId, "command",
                command.wireName())) {
            try {
                AgentStatus status = reach(camera, client -> client.capture(command));
                follow(camera, status, command.wireName() + " sent from the studio");
                action.addSuccessFields("state", status.state());
                return status;
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    /** The camera's status now; its state in the library follows what it says, or goes offline if it is away. */
    public AgentStatus status(String cameraId) throws IOException {
        Camera camera = camera(cameraId);
        AgentStatus status = reach(camera, AgentClient::status);
        follow(camera, status, "the camera's status says " + status.state().toLowerCase(java.util.Locale.ROOT));
        return status;
    }

    /** Which capture commands the camera would accept now, and why not the others — the camera's own answer. */
    public CaptureAvailability available(String cameraId) throws IOException {
        return reach(camera(cameraId), AgentClient::available);
    }

    /** The camera's capture configuration in force. */
    public CaptureConfig settings(String cameraId) throws IOException {
        return reach(camera(cameraId), AgentClient::config);
    }

    /**
     * Changes the camera's capture configuration; answers the one in force after. Every mistake comes back at once
     * (400, each refusal naming its {@code field}); a change the camera's state does not allow is a 409.
     */
    public CaptureConfig changeSettings(String cameraId, CaptureConfig config) throws IOException {
        Camera camera = camera(cameraId);
        try (Action action = library.log().start("studio:cameras:change_settings", "camera", cameraId)) {
            try {
                return reach(camera, client -> client.putConfig(config));
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    /** A small JPEG taken now, not stored. */
    public byte[] preview(String cameraId) throws IOException {
        return reach(camera(cameraId), AgentClient::preview);
    }

    private Camera camera(String cameraId) {
        Camera camera = Cameras.of(library).find(cameraId).orElseThrow(() -> CameraRefusals.unknown(cameraId));
        states.ensure(camera, "known to the library");
        return camera;
    }

    /**
     * Sends {@code request} if the studio's machine allows it. Being offline is only what the studio saw last: the
     * camera is asked anyway, and stays refused as offline only if it still does not answer.
     */
    private <T> T reach(Camera camera, Request<T> request) throws IOException {
        List<Refusal> refusals = states.explain(camera, CameraMachine.CONTROL);
        boolean onlyOffline = !refusals.isEmpty()
                && refusals.stream().allMatch(refusal -> refusal.code().equals("camera.offline"));
        if (!refusals.isEmpty() && !onlyOffline) {
            throw new RefusedException(refusals);
        }
        AgentClient client = clients.client(camera);
        try {
            T answer = request.send(client);
            Cameras.of(library).markSeen(camera.id(), camera.host(), camera.port(), library.clock().instant());
            return answer;
        } catch (CameraUnreachableException e) {
            CameraState state = e.wrongCertificate() ? CameraState.ERROR : CameraState.OFFLINE;
            states.follow(camera.id(), state, e.getMessage());
            if (onlyOffline || state == CameraState.OFFLINE) {
                List<Refusal> now = states.explain(camera, CameraMachine.CONTROL);
                if (!now.isEmpty()) {
                    RefusedException offline = new RefusedException(now);
                    offline.initCause(e);
                    throw offline;
                }
            }
            throw e;
        } catch (AgentRefusedException e) {
            if (e.hasCode("auth.studio_not_paired")) {
                states.follow(camera.id(), CameraState.ERROR, "the camera no longer knows this studio: pair it"
                        + " again");
            }
            throw e;
        }
    }

    private void follow(Camera camera, AgentStatus status, String why) {
        CameraState target = CameraState.ofAgentState(status.state());
        String cause = status.lastError().filter(error -> target == CameraState.ERROR)
                .map(error -> why + ": " + error.reason()).orElse(why);
        states.follow(camera.id(), target, cause);
    }
}
