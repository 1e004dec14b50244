package studio.timelapse.shared.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (Linux tmpfs) for tests that fill a disk. Mounting needs root, as CI and the developers'
 * machines have; elsewhere {@link #mount} is empty and the test should be skipped.
 */
public final class SmallFilesystem implements AutoCloseable {
    private final Path mountPoint;
    private boolean mounted = true;

    private SmallFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code mountPoint} (created if needed); empty if this machine won't. */
    public static Optional<SmallFilesystem> mount(Path mountPoint, int megabytes) throws IOException,
            InterruptedException {
        Files.createDirectories(mountPoint);
        return run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString())
                ? Optional.of(new SmallFilesystem(mountPoint)) : Optional.empty();
    }

    public Path path() {
        return mountPoint;
    }

    /** Fills what room is left with {@code name}, as another program would; deleting it frees the room again. */
    public Path fill(String name) {
        Path filler = mountPoint.resolve(name);
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            return filler; // no space left on the device: that is the point
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            mounted = false;
            if (!run("umount", mountPoint.toString())) {
                run("umount", "-l", mountPoint.toString());
            }
        }
    }
}
