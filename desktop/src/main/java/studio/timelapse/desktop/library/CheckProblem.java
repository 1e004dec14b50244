package studio.timelapse.desktop.library;

import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong between the library's index and its frame files.
 *
 * @param path the file, relative to the library folder
 * @param frameId the frame the index has for it (empty for an unindexed file)
 * @param detail what exactly: the sizes or digests that differ, the error that stopped the read
 */
public record CheckProblem(Kind kind, String path, Optional<Long> frameId, String detail) {

    public enum Kind {
        /** The index has a frame whose file is not there. */
        MISSING,
        /** The file is there but its size or SHA-256 is not what the index recorded. */
        CORRUPT,
        /** The file is there but could not be read (permissions, I/O error), or its stored path is not safe. */
        UNREADABLE,
        /** A file under {@code frames/} that no frame in the index points to. */
        UNINDEXED
    }

    public CheckProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
        frameId = frameId == null ? Optional.empty() : frameId;
    }
}
