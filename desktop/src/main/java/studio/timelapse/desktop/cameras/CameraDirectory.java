package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.client.FirstContact;
import studio.timelapse.desktop.cameras.discovery.DiscoveredCamera;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.protocol.AgentHealth;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.EntityState;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * The cameras the library knows and how they get there: found on the LAN over mDNS, or added by address after the
 * agent there answered. A camera is known by the agent's own id, so finding it again under another name or address
 * updates it instead of adding a second one.
 */
public final class CameraDirectory {
    private final Library library;
    private final Cameras cameras;
    private final CameraStates states;

    public CameraDirectory(Library library, CameraStates states) {
        this.library = library;
        this.cameras = Cameras.of(library);
        this.states = states;
    }

    /** What adding by address found: the camera, and the certificate it presented (not trusted until paired). */
    public record Added(CameraView camera, AgentHealth health, CertificateFingerprint presented) {}

    /**
     * Asks {@code address} whether a camera agent answers there ({@code GET /api/v1/health} over TLS, noting its
     * certificate), and adds it, or updates its address if it is known.
     *
     * @param name what to call it; empty keeps the name it has, or uses its id for a new camera
     * @throws IOException when nothing (or nothing that speaks our protocol) answers there
     */
    public Added add(AgentAddress address, Optional<String> name) throws IOException {
        try (Action action = library.log().start("studio:cameras:add", "address", address.toString())) {
            try {
                FirstContact contact = FirstContact.at(address, library.log());
                AgentHealth health = contact.health();
                CertificateFingerprint presented = contact.observedFingerprint().orElseThrow();
                String newName = name.filter(text -> !text.isBlank())
                        .or(() -> cameras.find(health.agentId()).map(Camera::name))
                        .orElse(health.agentId());
                Camera camera = cameras.add(health.agentId(), newName, address.host(), address.port());
                states.ensure(camera, "added by address " + address);
                action.addSuccessFields("camera", camera.id(), "fingerprint", presented.shortForm());
                return new Added(view(camera), health, presented);
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    /** Records a camera heard on the LAN: added if new, its name and address brought up to date if known. */
    public CameraView discovered(DiscoveredCamera found) {
        AgentAddress address = found.addresses().get(0);
        Camera camera = cameras.add(found.cameraId(), found.name(), address.host(), address.port());
        states.ensure(camera, "discovered on the network at " + address);
        return view(camera);
    }

    /** Every camera, by name, with its state. */
    public List<CameraView> all() {
        return cameras.all().stream().map(this::view).toList();
    }

    public Optional<CameraView> find(String cameraId) {
        return cameras.find(cameraId).map(this::view);
    }

    /**
     * The camera with this id; NOT_FOUND, with the remedy, when the library does not know it.
     *
     * @throws RefusedException when there is no such camera
     */
    public Camera camera(String cameraId) {
        return cameras.find(cameraId).orElseThrow(() -> CameraRefusals.unknown(cameraId));
    }

    private CameraView view(Camera camera) {
        EntityState<CameraState> state = states.ensure(camera, "known to the library");
        return new CameraView(camera, state.state(), state.since(), states.why(camera.id()));
    }
}
