package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.AcknowledgementReceipt;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FramePage;

/** A camera link that passes every call on; tests override the call they damage. */
class DelegatingLink implements CameraLink {
    final CameraLink inner;

    DelegatingLink(CameraLink inner) {
        this.inner = inner;
    }

    @Override
    public FramePage frames(Optional<FrameId> after, int limit) throws IOException {
        return inner.frames(after, limit);
    }

    @Override
    public FrameBody download(FrameId id, long fromByte, String etag) throws IOException {
        return inner.download(id, fromByte, etag);
    }

    @Override
    public AcknowledgementReceipt acknowledge(Acknowledgement acknowledgement) throws IOException {
        return inner.acknowledge(acknowledgement);
    }

    @Override
    public OptionalLong unacknowledgedFrames() throws IOException {
        return inner.unacknowledgedFrames();
    }

    @Override
    public void close() {
        inner.close();
    }
}
