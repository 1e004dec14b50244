package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.util.function.UnaryOperator;
import studio.timelapse.desktop.cameras.client.AgentClient;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.desktop.library.Library;

/**
 * The cameras feature of one open library, assembled: the studio's identity, the cameras' states, the directory
 * (discovered and added cameras), pairing, one client per camera, remote control and the watch. The command line
 * and the window build one at start-up and close it at the end.
 */
public final class CameraServices implements AutoCloseable {
    private final Library library;
    private final CameraStates states;
    private final CameraDirectory directory;
    private final CameraClients clients;
    private final CameraPairing pairing;
    private final RemoteControl control;
    private CameraWatch watch;

    private CameraServices(Library library, CameraClients clients, CameraStates states) {
        this.library = library;
        this.states = states;
        this.clients = clients;
        this.directory = new CameraDirectory(library, states);
        this.pairing = new CameraPairing(library, states, clients);
        this.control = new RemoteControl(library, states, clients);
    }

    /** For {@code library}, with its identity (made on first use) and default client options. */
    public static CameraServices open(Library library) throws IOException {
        return open(library, builder -> builder);
    }

    /** As {@link #open(Library)}, with {@code options} applied to every camera's client. */
    public static CameraServices open(Library library, UnaryOperator<AgentClient.Builder> options) throws IOException {
        StudioIdentity identity = StudioIdentity.loadOrCreate(library.folder(), library.log());
        return new CameraServices(library, new CameraClients(library, identity, options), CameraStates.of(library));
    }

    public Library library() {
        return library;
    }

    public StudioIdentity identity() {
        return clients.identity();
    }

    public CameraStates states() {
        return states;
    }

    public CameraDirectory directory() {
        return directory;
    }

    public CameraClients clients() {
        return clients;
    }

    public CameraPairing pairing() {
        return pairing;
    }

    public RemoteControl control() {
        return control;
    }

    /** The watch over every paired camera, started on first use; closed with this. */
    public synchronized CameraWatch watch() {
        if (watch == null) {
            watch = new CameraWatch(library, states, clients).start();
        }
        return watch;
    }

    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
        }
        clients.close();
    }
}
