package studio.timelapse.desktop.library;

import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;

/**
 * What sync has told each camera: how far its frames are acknowledged, and which stored frames still need telling.
 * Acknowledgements are only ever computed from frames the library holds, so the studio never lets a camera delete a
 * frame it did not store — whatever was skipped, lost or is still downloading.
 */
public interface SyncLedger {

    static SyncLedger of(Library library) {
        return new SyncLedgerJooq(library);
    }

    /** The last frame the camera confirmed an acknowledgement up to (every stored frame before it is acknowledged). */
    Optional<FrameId> acknowledgedThrough(String cameraId);

    /** Records that the camera confirmed acknowledgements of every stored frame up to {@code through}. */
    void acknowledged(String cameraId, FrameId through);

    /**
     * The stored frames of {@code storedThrough}'s epoch after the acknowledged point and up to {@code storedThrough},
     * as runs of consecutive sequence numbers: exactly what to acknowledge next, in order.
     */
    List<Acknowledgement> unacknowledged(String cameraId, FrameId storedThrough);
}
