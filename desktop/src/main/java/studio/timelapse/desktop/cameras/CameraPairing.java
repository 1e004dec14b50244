package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.cameras.client.FirstContact;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.protocol.AgentHealth;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * Pairing a camera with this studio, and unpairing it. Pairing sends the code the camera shows together with the
 * studio's public key over a connection that has not trusted anything yet; the agent's answer must name the
 * certificate that connection saw, and only then is it pinned and stored. A person who read the fingerprint off the
 * camera's console can hand it in too, and the code is sent only if the camera presents that certificate.
 */
public final class CameraPairing {
    private final Library library;
    private final Cameras cameras;
    private final CameraStates states;
    private final CameraClients clients;
    private final StudioIdentity identity;
    private final CameraLocations locations;

    public CameraPairing(Library library, CameraStates states, CameraClients clients) {
        this.library = library;
        this.cameras = Cameras.of(library);
        this.states = states;
        this.clients = clients;
        this.identity = clients.identity();
        this.locations = new CameraLocations(library);
    }

    /** A camera paired: its short fingerprint, for a person to compare with the one the camera shows. */
    public record Paired(Camera camera, CertificateFingerprint fingerprint, String challenge) {
        public String fingerprintShort() {
            return fingerprint.shortForm();
        }
    }

    /** A camera unpaired: whether the camera itself was told, and if not, why. */
    public record Unpaired(Camera camera, boolean cameraTold, Optional<String> whyNotTold) {}

    /**
     * Pairs the camera with the code it shows.
     *
     * @param expectedFingerprint the fingerprint the camera's console shows (short form, or a prefix of it, or the
     *     full one); when given, the code is sent only to a camera presenting that certificate
     * @param studioName how the camera will name this studio
     * @throws RefusedException the camera's refusal (no window open, wrong code, too many attempts), or this
     *     studio's (unknown camera, not in a state to pair, another camera at that address, another fingerprint)
     * @throws IOException when the camera cannot be reached
     */
    public Paired pair(String cameraId, String code, Optional<String> expectedFingerprint, String studioName)
            throws IOException {
        Camera camera = cameras.find(cameraId).orElseThrow(() -> CameraRefusals.unknown(cameraId));
        try (Action action = library.log().start("studio:cameras:pair", "camera", cameraId, "address",
                camera.host() + ":" + camera.port())) {
            try {
                states.fire(camera, CameraMachine.PAIR, "pairing with the code the camera shows");
                Paired paired;
                try {
                    paired = handshake(camera, code, expectedFingerprint, studioName);
                } catch (IOException | RuntimeException e) {
                    states.fire(camera, CameraMachine.PAIRING_FAILED, "pairing failed: " + e.getMessage());
                    throw e;
                }
                states.fire(paired.camera(), CameraMachine.PAIRED_OK, "paired; certificate "
                        + paired.fingerprintShort() + " pinned");
                clients.forget(cameraId); // a client of an earlier pairing must not linger
                locations.learnFrom(cameraId, clients.client(cameraId));
                action.addSuccessFields("fingerprint", paired.fingerprintShort());
                return new Paired(cameras.find(cameraId).orElse(paired.camera()), paired.fingerprint(),
                        paired.challenge());
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    private Paired handshake(Camera camera, String code, Optional<String> expectedFingerprint, String studioName)
            throws IOException {
        AgentAddress address = AgentAddress.of(camera.host(), camera.port());
        FirstContact contact = FirstContact.at(address, library.log());
        AgentHealth health = contact.health();
        if (!health.agentId().equals(camera.id())) {
            throw new RefusedException(Refusal.of(Refusal.Kind.CONFLICT, "camera.other_agent",
                    "Another camera answers at " + address + " (" + health.agentId() + ", not " + camera.id() + ")",
                    "find the camera again ('timelapse cameras discover') or add it by its new address"));
        }
        CertificateFingerprint presented = contact.observedFingerprint().orElseThrow();
        if (expectedFingerprint.isPresent() && !matches(presented, expectedFingerprint.get())) {
            throw new RefusedException(Refusal.of(Refusal.Kind.CONFLICT, "camera.fingerprint_differs",
                    "The camera at " + address + " presents the certificate " + presented.shortForm() + ", not "
                            + expectedFingerprint.get() + " as its console shows; the code was not sent",
                    "make sure you are pairing the camera in front of you, on a network you trust"));
        }
        PairingResponse response = contact.pair(code, studioName, identity);
        Camera stored = cameras.markPaired(camera.id(), presented.colonHex(), response.studioId(),
                library.clock().instant());
        return new Paired(stored, presented, response.challenge());
    }

    /** Whether {@code presented} is what a person read: its short form or a prefix of it, or its full hex. */
    static boolean matches(CertificateFingerprint presented, String read) {
        String typed = read.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
        String full = presented.sha256Hex();
        return typed.length() >= 8 && full.startsWith(typed);
    }

    /**
     * Unpairs the camera: tells it to forget this studio ({@code DELETE /api/v1/pairing}), then forgets it here.
     * Forgetting here happens whatever the camera says or whether it answers at all — a camera that is gone for good
     * must still be removable — and the answer says whether the camera was told.
     */
    public Unpaired unpair(String cameraId) {
        Camera camera = cameras.find(cameraId).orElseThrow(() -> CameraRefusals.unknown(cameraId));
        try (Action action = library.log().start("studio:cameras:unpair", "camera", cameraId)) {
            boolean told = false;
            Optional<String> whyNot = Optional.empty();
            if (camera.paired()) {
                try {
                    AgentClient client = clients.client(camera);
                    client.unpair();
                    told = true;
                } catch (AgentRefusedException refused) {
                    if (refused.hasCode("auth.studio_not_paired")) {
                        told = true; // it had forgotten us already
                    } else {
                        whyNot = Optional.of(refused.getMessage());
                    }
                } catch (IOException e) {
                    whyNot = Optional.of(e.getMessage());
                }
            }
            clients.forget(cameraId);
            Camera forgotten = cameras.markUnpaired(cameraId);
            if (states.current(cameraId).map(state -> state.state().paired() || state.state() == CameraState.PAIRING)
                    .orElse(false)) {
                states.fire(forgotten, CameraMachine.UNPAIR, told ? "unpaired" : "unpaired here only: "
                        + whyNot.orElse("the camera was not told"));
            }
            action.addSuccessFields("camera_told", told);
            whyNot.ifPresent(reason -> action.addSuccessFields("not_told_because", reason));
            return new Unpaired(forgotten, told, whyNot);
        }
    }
}
