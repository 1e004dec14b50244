package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import studio.timelapse.shared.home.OperatingSystem;

/** Frame files with fsync where it matters: after writing, after renaming into a folder, after creating a folder. */
final class DurableFiles implements FrameFiles {
    private final boolean foldersCanSync;

    /** @param foldersCanSync false on Windows, which cannot open a folder to flush it (NTFS journals renames) */
    DurableFiles(boolean foldersCanSync) {
        this.foldersCanSync = foldersCanSync;
    }

    static boolean foldersCanSync(String osName) {
        return OperatingSystem.fromOsName(osName) != OperatingSystem.WINDOWS;
    }

    @Override
    public void syncFile(Path file) throws IOException {
        // Opened for writing because Windows flushes only through a writable handle; nothing is written.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    @Override
    public void createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createFolders(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            syncFolder(parent);
        }
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void syncFolder(Path folder) throws IOException {
        if (!foldersCanSync) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
