package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file-system steps of storing a frame, each of which can fail on a full or failing disk. The real ones are
 * {@link #durable()}; tests (the store's and the scheduler's) inject one that fails at a chosen step.
 */
public interface FrameFiles {

    /** Flushes a file's content to the device (fsync). */
    void syncFile(Path file) throws IOException;

    /** Creates {@code folder} and its missing parents, each new entry flushed to the device. */
    void createFolders(Path folder) throws IOException;

    /** Renames {@code from} to {@code to} atomically on one volume, replacing a file left at {@code to}. */
    void move(Path from, Path to) throws IOException;

    /** Flushes a folder's entries (a rename into it, a deletion) to the device. */
    void syncFolder(Path folder) throws IOException;

    /** Deletes a file if it is there. */
    void delete(Path file) throws IOException;

    /** The real steps, on this machine's file system. */
    static FrameFiles durable() {
        return new DurableFiles(DurableFiles.foldersCanSync(System.getProperty("os.name")));
    }
}
