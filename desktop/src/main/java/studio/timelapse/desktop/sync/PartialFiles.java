package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Where downloads in progress live: one file per frame in the library's temporary area, named by camera, epoch,
 * sequence and the frame's entity tag ({@code <temp>/sync/<camera>/<epoch>-<seq>.<sha256>.part}). A download cut
 * off — by the network or by a killed studio — continues from the bytes its file holds, and only for the very same
 * file on the camera: the name carries the tag that {@code If-Range} sends.
 */
final class PartialFiles {
    private static final String SUFFIX = ".part";
    private final Path folder;

    PartialFiles(Path tempArea, String cameraId) {
        this.folder = tempArea.resolve("sync").resolve(SyncJob.plainId(cameraId));
    }

    Path folder() {
        return folder;
    }

    /** The partial file of this frame (which may not exist yet); partials of the same frame with another tag go. */
    Path of(FrameInfo frame) throws IOException {
        Files.createDirectories(folder);
        Path path = folder.resolve(frame.id() + "." + frame.sha256() + SUFFIX);
        String prefix = frame.id() + ".";
        try (DirectoryStream<Path> same = Files.newDirectoryStream(folder, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX) && !entry.equals(path)
                    && name.substring(prefix.length()).matches("[0-9a-f]{64}\\.part");
        })) {
            for (Path stale : same) {
                Files.deleteIfExists(stale);
            }
        }
        return path;
    }

    /** Removes every partial file of frames at or before {@code storedThrough} in its epoch: they are stored now. */
    int removeThrough(FrameId storedThrough) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        String prefix = storedThrough.epoch() + "-";
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : all) {
                String name = file.getFileName().toString();
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String sequence = name.substring(prefix.length(), name.indexOf('.', prefix.length()));
                if (sequence.matches("[0-9]{1,18}") && Long.parseLong(sequence) <= storedThrough.sequence()) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }
}
