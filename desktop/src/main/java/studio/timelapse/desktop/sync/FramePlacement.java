package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Puts a proven download at its place in the library — {@code frames/<camera>/<local date>/<HHmmss>_<epoch>-<seq>.jpg}
 * — by an atomic rename of its proven partial file. The place depends only on the frame, so doing it again after a
 * crash replaces the file with the same bytes. Only the database row, committed later (after the folders are
 * flushed), makes it part of the library.
 */
final class FramePlacement {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HHmmss");

    private final FrameFiles files;
    private final String cameraName;
    private final LibrarySpace space;

    FramePlacement(FrameFiles files, String cameraName, LibrarySpace space) {
        this.files = files;
        this.cameraName = cameraName;
        this.space = space;
    }

    /** The library path of a frame of this camera. */
    String pathOf(FrameInfo frame) {
        String local = frame.capturedAt().atOffset(ZoneOffset.ofTotalSeconds(frame.utcOffsetSeconds()))
                .format(TIME_OF_DAY);
        return files.pathFor(cameraName, frame.capturedAt(), frame.utcOffsetSeconds(),
                local + "_" + frame.id() + ".jpg");
    }

    /**
     * Moves the proven download into place (one rename: its bytes were hashed as they arrived and are on disk) and
     * returns the row to store. The rename is made durable by {@link FrameFiles#syncFoldersOf}, once per folder for a
     * whole chunk, before the chunk's commit. A temporary area on another file system falls back to an atomic copy
     * that checks the bytes again on the way.
     */
    NewCameraFrame place(DownloadedFrame frame) throws IOException, LibraryFullException {
        String path = pathOf(frame.info());
        try {
            files.moveIntoPlace(frame.file(), path);
        } catch (AtomicMoveNotSupportedException elsewhere) {
            copyIntoPlace(frame, path);
        } catch (IOException e) {
            throw classified(e, frame);
        }
        return NewCameraFrame.of(frame.info(), path);
    }

    private void copyIntoPlace(DownloadedFrame frame, String path) throws IOException, LibraryFullException {
        FrameFiles.Written written;
        try (InputStream in = Files.newInputStream(frame.file())) {
            written = files.writeAtomically(path, in);
        } catch (IOException e) {
            throw classified(e, frame);
        }
        if (!written.sha256().equals(frame.info().sha256()) || written.size() != frame.info().size()) {
            // The disk changed the bytes between the check and the copy: never store that.
            Files.deleteIfExists(files.resolve(path));
            Files.deleteIfExists(frame.file());
            throw new IOException("frame " + frame.info().id() + " changed on the library disk while it was placed ("
                    + written.sha256() + ", expected " + frame.info().sha256() + ")");
        }
        Files.deleteIfExists(frame.file());
    }

    private IOException classified(IOException failure, DownloadedFrame frame) throws LibraryFullException {
        Exception classified = space.classify(failure, frame.info().size());
        if (classified instanceof LibraryFullException full) {
            throw full;
        }
        return failure;
    }
}
