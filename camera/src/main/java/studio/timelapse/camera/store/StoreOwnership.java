package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import studio.timelapse.shared.process.LocalProcess;

/**
 * The one process that may use a store: an operating-system lock on {@code frames/.lock}, held while the store is
 * open. A second agent on the same home would empty the first one's temporary files at its start-up. The OS drops
 * the lock the instant its holder dies, even by {@code kill -9}, so a restarted agent never waits for a lease to
 * expire (why this is not a named lock from {@code shared.lock}).
 *
 * <p>The lock is a POSIX record lock on Linux: closing any descriptor of the file drops it for the whole process.
 * A second open in the same process is refused too, but weakens the first one's lock, so the agent opens its store
 * once and keeps it.
 */
final class StoreOwnership implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreOwnership(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreOwnership claim(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another agent process (" + holder(lockFile) + ") is using the frame store"
                    + " in " + lockFile.getParent() + "; stop it first");
        }
        // Who holds it, for the message above; the lock, not this text, is what counts.
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + LocalProcess.pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new StoreOwnership(channel, lock);
    }

    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
