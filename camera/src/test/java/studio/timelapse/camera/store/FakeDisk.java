package studio.timelapse.camera.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A volume of a chosen size holding exactly the files under one folder: deleting a frame frees its bytes, and a
 * test makes the disk bigger or smaller to fill it up or give space back.
 */
final class FakeDisk implements DiskSpace {
    private final Path folder;
    private volatile long capacity;

    FakeDisk(Path folder, long capacity) {
        this.folder = folder;
        this.capacity = capacity;
    }

    void capacity(long bytes) {
        this.capacity = bytes;
    }

    long used() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".jpg"))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0; // deleted while we looked
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SpaceReading read() {
        long used = used();
        return new SpaceReading(Math.max(0, capacity - used), capacity);
    }
}
