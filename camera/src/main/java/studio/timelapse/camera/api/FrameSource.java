package studio.timelapse.camera.api;

import java.nio.file.Path;
import java.util.Optional;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;

/**
 * The frames the API serves: what the frame routes need of the agent's frame store, and nothing else. Frames are
 * addressed by {@link FrameId} only; the store alone turns an id into a file, so no request can name a path.
 */
public interface FrameSource {

    /** Largest page the routes ask for. */
    int MAX_PAGE = 1000;

    /**
     * Up to {@code limit} (1–{@value #MAX_PAGE}) frames after {@code cursor} in sequence order; no cursor starts at the
     * first frame, and a cursor of another epoch lists the current epoch from its first frame.
     */
    FramePage after(Optional<FrameId> cursor, int limit);

    /** The newest frame. */
    Optional<FrameInfo> latest();

    /**
     * What a download of a frame needs, from one look-up: its length and SHA-256 as indexed, and its complete JPEG
     * unless the file is gone; empty when there is no such frame.
     */
    Optional<FrameFile> download(FrameId id);

    /** A frame as a download serves it: {@code file} is empty when the frame is indexed but its file is gone. */
    record FrameFile(FrameId id, long size, String sha256, Optional<Path> file) {}

    /**
     * Records that the studio stored these frames; from then on retention may delete them. Idempotent.
     *
     * @return how many frames became acknowledged now
     * @throws studio.timelapse.shared.refusal.RefusedException NOT_FOUND for another epoch, INVALID for frames not
     *     taken yet
     */
    long acknowledge(Acknowledgement acknowledgement);
}
