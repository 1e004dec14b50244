package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real, small file system (tmpfs) for a test that fills a disk; needs root, as CI and the dev machines have. */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private boolean mounted;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code mountPoint}; empty if this machine does not let us. */
    static java.util.Optional<SmallDisk> mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        SmallDisk disk = new SmallDisk(mountPoint);
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString())) {
            return java.util.Optional.empty();
        }
        disk.mounted = true;
        return java.util.Optional.of(disk);
    }

    Path path() {
        return mountPoint;
    }

    /** Gives the disk more room, as a user freeing space would. */
    void grow(int megabytes) throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,size=" + megabytes + "m", mountPoint.toString())) {
            throw new IOException("could not grow the tmpfs at " + mountPoint);
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
            run("umount", "-l", mountPoint.toString());
        }
    }
}
