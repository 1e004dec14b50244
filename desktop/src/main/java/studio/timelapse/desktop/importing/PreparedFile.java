package studio.timelapse.desktop.importing;

import java.time.Instant;
import studio.timelapse.desktop.ingest.FrameAnalysis;
import studio.timelapse.desktop.library.Frame;

/** One source file after the parallel part of an import: read, hashed, analysed and, if new, written to the library. */
sealed interface PreparedFile {
    String file();

    /** Not a JPEG, and not named like one: a video, a RAW file, a sidecar. Not a frame, not a problem. */
    record NotAFrame(String file) implements PreparedFile {}

    /** A JPEG whose content the library already holds (not analysed: a card imported again costs a read and a hash). */
    record Known(String file, Frame existing) implements PreparedFile {}

    /**
     * A new frame, its file written to {@code path} in the library, not yet in the database.
     *
     * @param timeFromFile whether {@code capturedAt} is the file's modification time, for want of EXIF
     */
    record Written(String file, String sha256, long size, FrameAnalysis analysis, Instant capturedAt,
            int utcOffsetSeconds, boolean timeFromFile, String path) implements PreparedFile {}
}
