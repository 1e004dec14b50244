package studio.timelapse.desktop.cameras;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.PairedAgent;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * One {@link AgentClient} per paired camera, shared by everything in the studio process that talks to cameras (sync,
 * the watch, remote control), so that each camera has one token and one connection pool. A client follows the
 * library: when a camera's address or pairing changes, the next {@link #client} call builds a new one.
 */
public final class CameraClients implements AutoCloseable {
    private final Library library;
    private final StudioIdentity identity;
    private final UnaryOperator<AgentClient.Builder> options;
    private final Map<String, AgentClient> clients = new ConcurrentHashMap<>();

    /**
     * @param options applied to every client's builder (timeouts, event timing, the clock); identity for defaults
     */
    public CameraClients(Library library, StudioIdentity identity, UnaryOperator<AgentClient.Builder> options) {
        this.library = Objects.requireNonNull(library, "library");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.options = Objects.requireNonNull(options, "options");
    }

    public CameraClients(Library library, StudioIdentity identity) {
        this(library, identity, builder -> builder);
    }

    public StudioIdentity identity() {
        return identity;
    }

    /**
     * The client of a paired camera.
     *
     * @throws RefusedException NOT_FOUND for a camera the library does not know, GUARD for one that is not paired
     */
    public AgentClient client(String cameraId) {
        Camera camera = Cameras.of(library).find(cameraId).orElseThrow(() -> CameraRefusals.unknown(cameraId));
        return client(camera);
    }

    /** The client of this paired camera, as the library describes it now. */
    public AgentClient client(Camera camera) {
        PairedAgent wanted = pairedAgent(camera);
        return clients.compute(camera.id(), (id, existing) -> {
            if (existing != null && existing.agent().equals(wanted)) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            return options.apply(AgentClient.builder(wanted, identity, library.log()).clock(library.clock())).build();
        });
    }

    /** Closes and forgets the camera's client (after unpairing). */
    public void forget(String cameraId) {
        AgentClient client = clients.remove(cameraId);
        if (client != null) {
            client.close();
        }
    }

    /** What a client needs of a paired camera; GUARD when it is not paired. */
    public static PairedAgent pairedAgent(Camera camera) {
        if (!camera.paired() || camera.studioId().isEmpty()) {
            throw new RefusedException(CameraRefusals.notPaired(camera.id(), camera.name()));
        }
        return new PairedAgent(camera.id(), camera.name(), AgentAddress.of(camera.host(), camera.port()),
                CertificateFingerprint.parse(camera.certificateFingerprint().get()), camera.studioId().get());
    }

    @Override
    public void close() {
        clients.values().forEach(AgentClient::close);
        clients.clear();
    }
}
