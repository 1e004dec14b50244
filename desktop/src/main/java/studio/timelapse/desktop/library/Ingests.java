package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import studio.timelapse.shared.db.SqlWork;

/**
 * Ingest's view of the frames: those waiting to be analysed, and those it flagged because their file could not be
 * analysed. Results go in through {@link Frames#recordIngest}.
 */
public interface Ingests {

    static Ingests of(Library library) {
        return new JooqIngests(library);
    }

    /**
     * A frame ingest could not analyse.
     *
     * @param kind what sort of problem (the ingest failure kinds: UNREADABLE, TRUNCATED, CORRUPT, …)
     */
    record Problem(long frameId, String kind, String reason, Instant foundAt) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(foundAt, "foundAt");
        }
    }

    /** Frames not ingested and not flagged, with ids in {@code (afterFrameId, upToFrameId]}, in id order. */
    List<Frame> waiting(long afterFrameId, long upToFrameId, int limit);

    /** How many frames {@link #waiting} would list, all pages together. */
    long countWaiting(long afterFrameId, long upToFrameId);

    /** The newest frame's id (0 in an empty library): what a submitted ingest must reach. */
    long newestFrameId();

    /** Work that flags frames, for the job's checkpoint transaction; a frame flagged before is flagged anew. */
    SqlWork<Void> flagging(List<Problem> problems);

    /** Flagged frames, by frame id. */
    List<Problem> problems(int limit);

    /** Clears every flag, so that the next ingest tries those frames again (after their files were repaired). */
    int clearProblems();
}
