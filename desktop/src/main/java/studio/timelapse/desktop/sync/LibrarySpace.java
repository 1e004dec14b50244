package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The room left on the library's disk, checked before each frame is downloaded so that sync pauses with a clear
 * reason instead of filling the disk to the last byte (which SQLite needs too). A write that fails for lack of space
 * all the same is recognised and reported the same way.
 */
final class LibrarySpace {
    private final Path folder;
    private final long reserveBytes;

    LibrarySpace(Path folder, long reserveBytes) {
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("the reserve cannot be negative: " + reserveBytes);
        }
        this.folder = folder;
        this.reserveBytes = reserveBytes;
    }

    /** Throws unless {@code bytes} more fit while keeping the reserve free. */
    void requireRoomFor(long bytes) throws IOException, LibraryFullException {
        long usable = usable();
        long needed = bytes + reserveBytes;
        if (usable < needed) {
            throw LibraryFullException.of(volume(), usable, needed, null);
        }
    }

    /**
     * What a failed write means: a full disk (as {@link LibraryFullException}, with the failure as its cause) or
     * another disk failure, returned as it was.
     */
    Exception classify(IOException failure, long bytesWanted) {
        String message = String.valueOf(failure.getMessage());
        long usable;
        try {
            usable = usable();
        } catch (IOException unreadable) {
            return failure;
        }
        if (message.contains("No space left") || message.contains("Disk quota exceeded") || usable < bytesWanted) {
            return LibraryFullException.of(volume(), usable, bytesWanted + reserveBytes, failure);
        }
        return failure;
    }

    /** Whether a database failure was SQLite's "database or disk is full". */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("SQLITE_FULL") || message.contains("database or disk is full")
                    || message.contains("No space left")) {
                return true;
            }
        }
        return false;
    }

    long usable() throws IOException {
        return store().getUsableSpace();
    }

    private FileStore store() throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return Files.getFileStore(existing == null ? folder : existing);
    }

    private String volume() {
        try {
            FileStore store = store();
            return store.toString();
        } catch (IOException e) {
            return folder.toString();
        }
    }
}
