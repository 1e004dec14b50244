package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The cameras of a library. Adding a camera also creates its stream: the {@link SequenceKind#CAMERA} sequence every
 * frame synced from it belongs to. Changes to an unknown camera are refused (NOT_FOUND).
 */
public interface Cameras {

    static Cameras of(Library library) {
        return new JooqCameras(library);
    }

    /**
     * Adds the camera, or updates the name and address of one already known (its pairing stays); either way its
     * stream sequence exists afterwards.
     */
    Camera add(String id, String name, String host, int port);

    Optional<Camera> find(String id);

    /** Every camera, by name. */
    List<Camera> all();

    /** Pins the agent's certificate and remembers the id it gave this studio. */
    Camera markPaired(String id, String certificateFingerprint, String studioId, Instant at);

    /** Forgets the pinned certificate and studio id; the camera and its frames stay. */
    Camera markUnpaired(String id);

    /** The camera answered at this address: its last-seen time and where it is now (DHCP moves cameras). */
    Camera markSeen(String id, String host, int port, Instant at);

    /** Where the camera stands (empty: unknown), for daytime rules. */
    Camera locate(String id, Optional<GeoPosition> location);

    /**
     * Removes a camera with no frames in the library, with its stream and sync cursor. A camera whose frames are in
     * the library is refused (GUARD): its frames need it.
     *
     * @return whether there was such a camera
     * @throws RefusedException when frames of the camera are in the library
     */
    boolean remove(String id);
}
