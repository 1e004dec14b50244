package studio.timelapse.desktop.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.AgentEventListener;
import studio.timelapse.desktop.cameras.client.EventSubscription;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.cameras.client.FrameDownload;
import studio.timelapse.desktop.cameras.client.PairedAgent;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * Links to the library's paired cameras over {@link AgentClient}: the address last seen, the pinned certificate and
 * the studio's own key, as pairing left them in the library.
 */
public final class AgentCameraLinks implements CameraLink.Factory {
    private final Library library;
    private final StudioIdentity identity;
    private final ActionLog log;

    public AgentCameraLinks(Library library, StudioIdentity identity, ActionLog log) {
        this.library = library;
        this.identity = identity;
        this.log = log;
    }

    @Override
    public CameraLink open(String cameraId) throws IOException {
        return new Link(client(cameraId));
    }

    /** Follows the camera's event stream (reconnecting by itself) until the answer is closed. */
    public AutoCloseable subscribe(String cameraId, AgentEventListener listener) {
        AgentClient client = client(cameraId);
        EventSubscription subscription = client.events(Optional.empty(), listener);
        return () -> {
            subscription.close();
            client.close();
        };
    }

    private AgentClient client(String cameraId) {
        Camera camera = Cameras.of(library).find(cameraId).orElseThrow(() -> new RefusedException(Refusal.of(
                Refusal.Kind.NOT_FOUND, "sync.unknown_camera", "The library knows no camera " + cameraId)));
        if (camera.certificateFingerprint().isEmpty() || camera.studioId().isEmpty()) {
            throw new RefusedException(Refusal.of(Refusal.Kind.WRONG_STATE, "sync.not_paired",
                    "Camera " + camera.name() + " is not paired with this studio", "pair it first")
                    .withDetails(Map.of("camera", cameraId)));
        }
        PairedAgent agent = new PairedAgent(camera.id(), camera.name(), AgentAddress.of(camera.host(), camera.port()),
                CertificateFingerprint.parse(camera.certificateFingerprint().get()), camera.studioId().get());
        return AgentClient.builder(agent, identity, log).build();
    }

    /** One camera's link: the client's calls, with a 404 or 416 download answered as a status like any other. */
    private static final class Link implements CameraLink {
        private final AgentClient client;

        Link(AgentClient client) {
            this.client = client;
        }

        @Override
        public FramePage frames(Optional<FrameId> after, int limit) throws IOException {
            return client.frames(after, limit);
        }

        @Override
        public FrameBody download(FrameId id, long fromByte, String etag) throws IOException {
            FrameDownload download;
            try {
                download = client.download(id, fromByte, Optional.of(etag));
            } catch (AgentRefusedException refused) {
                if (refused.status() == 404 || refused.status() == 416) {
                    return new FrameBody(refused.status(), Optional.empty(), 0, -1, Optional.empty(),
                            new ByteArrayInputStream(new byte[0]));
                }
                throw refused;
            }
            return new FrameBody(download.status(), download.etag().map(Link::unquoted), download.firstByte(),
                    download.fileSize().orElse(-1), download.sha256(), download.body());
        }

        @Override
        public AcknowledgementReceipt acknowledge(Acknowledgement acknowledgement) throws IOException {
            return client.acknowledge(acknowledgement);
        }

        @Override
        public OptionalLong unacknowledgedFrames() throws IOException {
            return OptionalLong.of(client.status().framesUnsynced());
        }

        @Override
        public void close() {
            client.close();
        }

        private static String unquoted(String etag) {
            return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                    ? etag.substring(1, etag.length() - 1) : etag;
        }
    }
}
