package studio.timelapse.desktop.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import studio.timelapse.desktop.cameras.CameraClients;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.AgentEventListener;
import studio.timelapse.desktop.cameras.client.AgentRefusedException;
import studio.timelapse.desktop.cameras.client.FrameDownload;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FramePage;

/**
 * Links to the library's paired cameras over the studio's one {@link AgentClient} per camera
 * ({@link CameraClients}: the address last seen, the pinned certificate, the studio's key, tokens reused). An unknown
 * or unpaired camera is refused with the cameras feature's own reasons.
 */
public final class AgentCameraLinks implements CameraLink.Factory {
    private final CameraClients clients;

    public AgentCameraLinks(CameraClients clients) {
        this.clients = clients;
    }

    /**
     * Links with clients of their own, for the library's cameras, kept for the life of the process. Prefer
     * {@link #AgentCameraLinks(CameraClients)} with the studio's {@code CameraServices.clients()}, so that sync, the
     * watch and remote control share one client (and its token) per camera.
     */
    public AgentCameraLinks(Library library, StudioIdentity identity, ActionLog log) {
        this(new CameraClients(library, identity));
    }

    @Override
    public CameraLink open(String cameraId) {
        return new Link(clients.client(cameraId));
    }

    /** Follows the camera's event stream (reconnecting by itself) until the answer is closed. */
    public AutoCloseable subscribe(String cameraId, AgentEventListener listener) {
        return clients.client(cameraId).events(Optional.empty(), listener);
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

        /** The client is the studio's, shared with the watch and remote control: it stays open. */
        @Override
        public void close() {
            // Nothing of its own to close.
        }

        private static String unquoted(String etag) {
            return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                    ? etag.substring(1, etag.length() - 1) : etag;
        }
    }
}
