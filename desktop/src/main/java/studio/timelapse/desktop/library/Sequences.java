package studio.timelapse.desktop.library;

import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The sequences of a library (their rows; their lifecycle is {@code studio.timelapse.desktop.sequences}'). Camera
 * streams are made by {@link Cameras#add}; the frames of any sequence come from {@link Frames#ofSequence}.
 */
public interface Sequences {

    static Sequences of(Library library) {
        return new JooqSequences(library);
    }

    Optional<Sequence> find(long id);

    Optional<Sequence> findByName(String name);

    /** A camera's stream. */
    Optional<Sequence> streamOf(String cameraId);

    /** Every sequence, oldest first. */
    List<Sequence> all();

    /**
     * A new, empty import sequence named {@code name}, or {@code name (2)}, {@code name (3)}, … when that is taken:
     * an import is named after its folder, and the same folder may be imported twice.
     */
    Sequence createImport(String name);

    /**
     * A new defined sequence.
     *
     * @throws RefusedException INVALID for bad rules or a source that is not a camera stream or import of this
     *         library, CONFLICT when the name is taken
     */
    Sequence define(String name, SequenceDefinition definition);

    /**
     * Work that removes a defined sequence's row, for the lifecycle's transaction: its frames stay (they belong to
     * their streams and imports) and its renders keep their files, no longer linked to it.
     *
     * @return work answering whether there was such a row
     * @throws RefusedException GUARD (from the work) for a camera stream or import, whose frames depend on it
     */
    SqlWork<Boolean> removing(long id);
}
