package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Deletes frames in the order that survives a crash at any point: the rows are marked {@code deleting} (committed
 * durably, so they leave every listing), then the files go (their folders flushed), then the rows. A crash leaves
 * rows marked {@code deleting}, which recovery finishes; never a listed row without its file, never an unexplained
 * file without a row.
 */
final class FrameDeleter {
    private final SqliteDatabase db;
    private final FrameRows rows;
    private final StoreLayout layout;
    private final FrameFiles files;

    FrameDeleter(SqliteDatabase db, FrameRows rows, StoreLayout layout, FrameFiles files) {
        this.db = db;
        this.rows = rows;
        this.layout = layout;
        this.files = files;
    }

    void delete(List<StoredFrame> frames) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        List<FrameId> ids = frames.stream().map(frame -> frame.info().id()).toList();
        db.writeDurably(connection -> {
            rows.markDeleting(connection, ids);
            return null;
        });
        removeFilesAndRows(frames);
    }

    /** Finishes deletions a crash interrupted; returns how many. */
    int finishInterrupted(String epoch) throws IOException {
        List<StoredFrame> left = db.read(connection -> rows.deleting(connection, epoch));
        removeFilesAndRows(left);
        return left.size();
    }

    private void removeFilesAndRows(List<StoredFrame> frames) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        Set<Path> folders = new LinkedHashSet<>();
        for (StoredFrame frame : frames) {
            Path file = layout.resolve(frame.path());
            files.delete(file);
            folders.add(file.getParent());
        }
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                files.syncFolder(folder);
            }
        }
        List<FrameId> ids = frames.stream().map(frame -> frame.info().id()).toList();
        db.write(connection -> {
            rows.delete(connection, ids);
            return null;
        });
    }
}
