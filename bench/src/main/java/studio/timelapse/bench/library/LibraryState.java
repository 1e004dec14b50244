package studio.timelapse.bench.library;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.PageCursor;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * The synthetic library, opened once per fork. It is built on first use in {@code folder} (default: a folder per
 * size under the temp folder) and reused by later forks and runs: building a million frames takes minutes.
 */
@State(Scope.Benchmark)
public class LibraryState {
    @Param("1000000")
    public long frames;

    @Param("")
    public String folder;

    /** PRAGMA mmap_size for the benchmark's connection, in bytes (0: SQLite's default, reads through its cache). */
    @Param("0")
    public long mmapBytes;

    ActionLog log;
    Library library;
    Frames store;
    long stream;
    long byTheSun;
    long byExposure;
    long twoCameras;
    long perCamera;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path where = folder.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "timelapse-bench-library-" + frames)
                : Path.of(folder);
        log = ActionLog.builder("bench").build();
        library = SyntheticLibrary.ensure(where, frames, log, System.out::println);
        store = Frames.of(library);
        if (mmapBytes > 0) {
            // One thread reuses one pooled connection, so setting it once covers every query measured.
            library.database().read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA mmap_size=" + mmapBytes);
                }
                return null;
            });
        }
        Sequences sequences = Sequences.of(library);
        stream = sequences.streamOf(SyntheticLibrary.cameraId(1)).map(Sequence::id).orElseThrow();
        SyntheticLibrary.defineSequences(library);
        byTheSun = sequences.findByName(SyntheticLibrary.BY_THE_SUN).map(Sequence::id).orElseThrow();
        byExposure = sequences.findByName(SyntheticLibrary.BY_EXPOSURE).map(Sequence::id).orElseThrow();
        twoCameras = sequences.findByName(SyntheticLibrary.TWO_CAMERAS).map(Sequence::id).orElseThrow();
        perCamera = SyntheticLibrary.perCamera(frames);
    }

    @TearDown(Level.Trial)
    public void close() {
        library.close();
        log.close();
    }

    /** A random capture time of camera 1, leaving a page's worth of frames after it. */
    Instant randomTime() {
        return SyntheticLibrary.capturedAt(1, 1 + random.nextLong(perCamera - 1000));
    }

    /** Where a page starting at a random time continues, as a screen scrolled there would hold it. */
    Optional<PageCursor> randomCursor() {
        return Optional.of(new PageCursor(randomTime(), 0, 0));
    }
}
