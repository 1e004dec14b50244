package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FramePage;

/**
 * The four things sync asks of a paired camera's agent, over its pinned, authenticated connection: list frames by
 * cursor, download one (ranged), acknowledge stored ones, and say how many it holds unacknowledged. Any
 * {@link IOException} is a connection that may work later.
 */
public interface CameraLink extends AutoCloseable {

    /** {@code GET /api/v1/frames?after=…&limit=…}. */
    FramePage frames(Optional<FrameId> after, int limit) throws IOException;

    /** {@code GET /api/v1/frames/{id}}, from {@code fromByte} with {@code If-Range} when above zero. */
    FrameBody download(FrameId id, long fromByte, String etag) throws IOException;

    /** {@code POST /api/v1/frames/ack}. */
    AcknowledgementReceipt acknowledge(Acknowledgement acknowledgement) throws IOException;

    /** The camera's count of frames not acknowledged yet, for progress; empty if it does not say. */
    OptionalLong unacknowledgedFrames() throws IOException;

    @Override
    void close();

    /** Opens the link to one camera of the library. */
    @FunctionalInterface
    interface Factory {
        CameraLink open(String cameraId) throws IOException;
    }
}
