package studio.timelapse.camera.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real volume's space: usable (what this process may still write, after root's reserve) and total. */
final class VolumeSpace implements DiskSpace {
    private final Path folder;

    VolumeSpace(Path folder) {
        this.folder = folder;
    }

    @Override
    public SpaceReading read() {
        try {
            FileStore store = Files.getFileStore(folder);
            return new SpaceReading(store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + folder, e);
        }
    }
}
