package studio.timelapse.bench.actionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.LogSink;

/**
 * One {@link ActionLog} per trial, shared by all benchmark threads as in production (one log per process).
 *
 * <p>{@code file} (the default) writes through the production configuration, {@link ActionLog.Builder#logDirectory}:
 * a {@code RotatingFileSink} of 16 MiB × 8 in a fresh folder under {@code java.io.tmpdir}, deleted afterwards.
 * {@code discard} builds every line the same way but throws it away: run it with {@code -p sink=discard} to tell
 * the cost of building a line from the cost of writing it.
 */
@State(Scope.Benchmark)
public class LogState {
    @Param({"file"})
    public String sink;

    ActionLog log;
    private Path directory;

    @Setup(Level.Trial)
    public void open() throws IOException {
        ActionLog.Builder builder = ActionLog.builder("studio");
        switch (sink) {
            case "file" -> {
                directory = Files.createTempDirectory("timelapse-bench-actionlog-");
                builder.logDirectory(directory);
            }
            case "discard" -> builder.sink(new DiscardingSink());
            default -> throw new IllegalArgumentException("sink is file or discard, was " + sink);
        }
        log = builder.build();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        long dropped = log.dropped();
        log.close();
        try {
            if (directory != null) {
                describeCurrentFile(directory.resolve("studio.jsonl"));
            }
        } finally {
            deleteRecursively(directory);
        }
        if (dropped != 0) {
            throw new IllegalStateException(dropped + " messages were dropped: the results do not count");
        }
    }

    /** Prints the average line size, so that bytes per second can be told from messages per second. */
    private static void describeCurrentFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        long bytes = Files.size(file);
        long lines;
        try (Stream<String> all = Files.lines(file)) {
            lines = all.count();
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            System.out.printf("[bench] %d log files; current one: %d lines, %d bytes, %.0f bytes per line%n",
                    files.count(), lines, bytes, lines == 0 ? 0.0 : (double) bytes / lines);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Keeps nothing, but reads every line so that building it cannot be optimized away. */
    static final class DiscardingSink implements LogSink {
        private long bytes;

        @Override
        public synchronized void accept(LogMessage message, byte[] line) {
            bytes += line.length + line[line.length - 1];
        }
    }
}
