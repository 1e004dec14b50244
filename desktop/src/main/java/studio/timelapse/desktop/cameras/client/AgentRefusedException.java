package studio.timelapse.desktop.cameras.client;

import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * A camera agent answered a request with a 4xx: its refusals (kind, code, reason, remedy, details), exactly as the
 * agent's {@code explain()} gave them, plus the HTTP status and which camera and request it was.
 */
public final class AgentRefusedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    private final String camera;
    private final String request;
    private final int status;
    private final transient ErrorBody body;

    AgentRefusedException(String camera, String request, int status, ErrorBody body, List<Refusal> refusals) {
        super(refusals);
        this.camera = camera;
        this.request = request;
        this.status = status;
        this.body = body;
    }

    /** The HTTP status the agent answered (which may differ from the first refusal's kind, e.g. 416). */
    public int status() {
        return status;
    }

    /** The agent's answer as it sent it. */
    public ErrorBody body() {
        return body;
    }

    /** How messages name the camera: "camera 'North field' (camera-1a90… at 192.168.1.20:8443)". */
    public String camera() {
        return camera;
    }

    /** {@code POST /api/v1/capture/pause}. */
    public String request() {
        return request;
    }

    /** The first refusal's code ({@code state.wrong_state}, {@code auth.studio_not_paired}, …). */
    public String code() {
        return refusals().get(0).code();
    }

    /** Whether any refusal has this code. */
    public boolean hasCode(String code) {
        return refusals().stream().anyMatch(refusal -> refusal.code().equals(code));
    }

    /** A detail of the first refusal with this code, as the agent sent it. */
    public Optional<Object> detail(String code, String name) {
        return refusals().stream().filter(refusal -> refusal.code().equals(code)).findFirst()
                .map(refusal -> refusal.details().get(name));
    }

    @Override
    public String getMessage() {
        return "The " + camera + " refused " + request + ": " + super.getMessage();
    }
}
