package studio.timelapse.camera.agent;

import java.util.Optional;
import studio.timelapse.camera.api.FrameSource;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;

/** The store as the API serves it; kept here so that neither the store nor the API depends on the other. */
final class StoreFrames implements FrameSource {
    private final FrameStore store;

    StoreFrames(FrameStore store) {
        this.store = store;
    }

    @Override
    public FramePage after(Optional<FrameId> cursor, int limit) {
        return store.after(cursor, limit);
    }

    @Override
    public Optional<FrameInfo> latest() {
        return store.latest();
    }

    @Override
    public Optional<FrameFile> download(FrameId id) {
        return store.download(id).map(frame -> new FrameFile(frame.id(), frame.size(), frame.sha256(), frame.file()));
    }

    @Override
    public long acknowledge(Acknowledgement acknowledgement) {
        return store.acknowledge(acknowledgement);
    }
}
