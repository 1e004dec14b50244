package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Puts a proven download at its place in the library — {@code frames/<camera>/<local date>/<HHmmss>_<epoch>-<seq>.jpg}
 * — written atomically, and checks on the way that what landed there still has the frame's SHA-256. The place
 * depends only on the frame, so doing it again after a crash replaces the file with the same bytes. Only the
 * database row, committed later, makes it part of the library.
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

    /** Writes the frame into place and removes its partial file; returns the row to store. */
    NewCameraFrame place(DownloadedFrame frame) throws IOException, LibraryFullException {
        String path = pathOf(frame.info());
        FrameFiles.Written written;
        try (InputStream in = Files.newInputStream(frame.file())) {
            written = files.writeAtomically(path, in);
        } catch (IOException e) {
            Exception classified = space.classify(e, frame.info().size());
            if (classified instanceof LibraryFullException full) {
                throw full;
            }
            throw e;
        }
        if (!written.sha256().equals(frame.info().sha256()) || written.size() != frame.info().size()) {
            // The disk changed the bytes between the check and the copy: never store that.
            Files.deleteIfExists(files.resolve(path));
            Files.deleteIfExists(frame.file());
            throw new IOException("frame " + frame.info().id() + " changed on the library disk while it was placed ("
                    + written.sha256() + ", expected " + frame.info().sha256() + ")");
        }
        Files.deleteIfExists(frame.file());
        return NewCameraFrame.of(frame.info(), path);
    }
}
