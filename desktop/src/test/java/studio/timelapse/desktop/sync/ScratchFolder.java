package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test's folder in memory (/dev/shm) when the machine has one, else in the temporary folder. Sync writes every
 * frame durably (fsync); on a disk shared with other builds that alone takes seconds per hundred frames, and what
 * these tests prove — cut connections, killed processes — does not depend on the disk surviving a power cut.
 */
final class ScratchFolder implements AutoCloseable {
    private static final Path MEMORY = Path.of("/dev/shm");
    private final Path root;

    ScratchFolder(String name) {
        try {
            root = Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                    ? Files.createTempDirectory(MEMORY, "timelapse-" + name + "-")
                    : Files.createTempDirectory("timelapse-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return root;
    }

    Path resolve(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover test folder is not a test failure.
        }
    }
}
