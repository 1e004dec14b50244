package studio.timelapse.shared.actionlog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * JSON lines in {@code <dir>/<name>.jsonl}, rotated to {@code <name>.1.jsonl} … {@code <name>.<keep>.jsonl} when the
 * current file would pass {@code maxBytes}; the oldest is deleted, so the logs never take more than about
 * {@code (keep + 1) * maxBytes}.
 *
 * <p>Each line is written whole with one write under a lock, so lines are never interleaved or torn, and it reaches
 * the operating system before {@link #accept} returns, so a killed process loses nothing it logged. On an I/O error
 * (a full disk, a removed folder) the sink drops and counts messages, retries at most once a second, and on recovery
 * writes a {@code timelapse:log:dropped} message saying how many were lost.
 */
public final class RotatingFileSink implements LogSink {
    public static final String DROPPED_MESSAGE_TYPE = "timelapse:log:dropped";
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Path directory;
    private final String name;
    private final long maxBytes;
    private final int keep;
    private final LongSupplier nanoTime;
    private final EliotJson json = new EliotJson();
    private final AtomicLong dropped = new AtomicLong();

    private OutputStream out;
    private long size;
    private long droppedSinceFailure;
    private long retryAfterNanos;
    private String lastError;
    private boolean closed;

    public RotatingFileSink(Path directory, String name, long maxBytes, int keep) {
        this(directory, name, maxBytes, keep, System::nanoTime);
    }

    RotatingFileSink(Path directory, String name, long maxBytes, int keep, LongSupplier nanoTime) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        this.directory = directory;
        this.name = name;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.nanoTime = nanoTime;
    }

    /** The file being written now. */
    public Path currentFile() {
        return directory.resolve(name + ".jsonl");
    }

    /** The file {@code generation} rotations ago (1 is the most recent). */
    public Path rotatedFile(int generation) {
        return directory.resolve(name + "." + generation + ".jsonl");
    }

    @Override
    public synchronized void accept(LogMessage message, byte[] line) {
        if (closed || !ready()) {
            drop();
            return;
        }
        try {
            if (size > 0 && size + line.length > maxBytes) {
                rotate();
            }
            out.write(line);
            size += line.length;
        } catch (IOException e) {
            fail(e);
            drop();
        }
    }

    private boolean ready() {
        if (out != null) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (lastError != null && now - retryAfterNanos < 0) {
            return false;
        }
        try {
            open();
            if (droppedSinceFailure > 0) {
                reportDropped();
            }
            return true;
        } catch (IOException e) {
            fail(e);
            return false;
        }
    }

    private void open() throws IOException {
        Files.createDirectories(directory);
        Path file = currentFile();
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(rotatedFile(keep));
        for (int generation = keep - 1; generation >= 1; generation--) {
            Path older = rotatedFile(generation);
            if (Files.exists(older)) {
                Files.move(older, rotatedFile(generation + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(currentFile(), rotatedFile(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private void reportDropped() throws IOException {
        LogMessage notice = new LogMessage(
                java.util.UUID.randomUUID().toString(),
                TaskLevel.of(1),
                System.currentTimeMillis() / 1000.0,
                java.util.Map.of(
                        LogMessage.MESSAGE_TYPE, DROPPED_MESSAGE_TYPE,
                        "dropped", droppedSinceFailure,
                        "reason", lastError));
        byte[] line = json.toLine(notice);
        out.write(line);
        size += line.length;
        droppedSinceFailure = 0;
        lastError = null;
    }

    private void fail(IOException e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        retryAfterNanos = nanoTime.getAsLong() + RETRY_NANOS;
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already failing; the error that counts is recorded above.
            }
            out = null;
        }
    }

    private void drop() {
        dropped.incrementAndGet();
        droppedSinceFailure++;
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** The last I/O error while it lasts: empty once writing works again. */
    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                lastError = e.getMessage();
            }
            out = null;
        }
    }
}
