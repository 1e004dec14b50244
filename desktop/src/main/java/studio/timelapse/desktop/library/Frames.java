package studio.timelapse.desktop.library;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The frames of a library. Inserts are idempotent — a camera frame by camera, epoch and sequence number, an imported
 * frame by its content's SHA-256 — so work that is repeated after a crash stores each frame once. Listings are in
 * capture order and paged by position (see {@link Page}); each is one range scan of an index.
 */
public interface Frames {

    static Frames of(Library library) {
        return new JooqFrames(library);
    }

    /** A frame in the library: newly inserted, or the one that was already there. */
    record Stored(long frameId, boolean inserted, String path) {}

    /**
     * Stores a synced frame in the camera's stream, unless it is already there.
     *
     * @throws RefusedException NOT_FOUND for a camera the library does not know
     */
    Stored insertCameraFrame(String cameraId, NewCameraFrame frame);

    /**
     * Stores a batch of synced frames and moves the camera's sync cursor to {@code cursor}, in one transaction whose
     * commit survives a power cut: after it returns, frames and cursor agree whatever happens next, so the camera may
     * be told to let them go.
     */
    List<Stored> storeSynced(String cameraId, List<NewCameraFrame> frames, FrameId cursor);

    /**
     * The same as {@link #storeSynced} as work for a transaction the caller holds (a job's
     * {@code chunkDone(checkpoint, units, work)}), so the job's checkpoint commits with the frames and cursor.
     */
    SqlWork<List<Stored>> storingSynced(String cameraId, List<NewCameraFrame> frames, FrameId cursor);

    /** Where sync stands with a camera: every frame up to this one is stored. Empty before the first batch. */
    Optional<FrameId> syncCursor(String cameraId);

    /**
     * Stores an imported frame in its import's sequence, unless a frame with the same content was imported before
     * (then that frame is returned, with its path: the caller's new file is a duplicate).
     *
     * @throws RefusedException NOT_FOUND when the sequence is not an import of this library
     */
    Stored insertImportedFrame(NewImportedFrame frame);

    Optional<Frame> find(long frameId);

    Optional<Frame> findCameraFrame(String cameraId, FrameId id);

    /** The imported frame with this content, if any. */
    Optional<Frame> findImported(String sha256);

    /** Every frame in the library. */
    long count();

    /** The frames of one camera stream or import ({@code originSequenceId}). */
    long countInOrigin(long originSequenceId);

    /**
     * How many frames {@link #ofSequence} lists. Counted in the indexes, except for a daytime-only sequence, whose
     * candidate frames are read and judged one by one.
     *
     * @throws RefusedException NOT_FOUND for an unknown sequence
     */
    long countInSequence(long sequenceId);

    /** A camera's frames captured in {@code range}, rejected ones included (they are flagged). */
    Page ofCamera(String cameraId, CaptureRange range, Optional<PageCursor> after, int limit);

    /**
     * The frames of any sequence, resolved by its kind: a camera's stream, an import, or a defined sequence's rules
     * (see {@link SequenceDefinition}). Camera streams and imports list rejected frames too; defined sequences
     * follow their own rule.
     *
     * @throws RefusedException NOT_FOUND for an unknown sequence
     */
    Page ofSequence(long sequenceId, Optional<PageCursor> after, int limit);

    /** Marks a frame rejected: defined sequences leave it out unless they include rejected frames. */
    void reject(long frameId);

    /** Takes a rejection back. */
    void restore(long frameId);

    /** Records what ingest found (replacing an earlier result), with the thumbnail when there is one. */
    void recordIngest(long frameId, FrameAnalysis analysis);

    /** As {@link #recordIngest(long, FrameAnalysis)} for many frames (by frame id), in one transaction. */
    void recordIngest(Map<Long, FrameAnalysis> analyses);

    /**
     * The same as work for a transaction the caller holds (an ingest job's {@code chunkDone(checkpoint, units,
     * work)}), so the results commit with the job's checkpoint.
     */
    SqlWork<Void> recordingIngest(Map<Long, FrameAnalysis> analyses);

    /** Frames ingest has not seen yet, oldest first. */
    List<Frame> notIngested(int limit);

    Optional<Thumbnail> thumbnail(long frameId);

    /** The thumbnails of these frames (those that have one), for a page of a grid. */
    Map<Long, Thumbnail> thumbnails(Collection<Long> frameIds);
}
