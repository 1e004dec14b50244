package studio.timelapse.bench.coordination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.lock.Locks;

/** One SQLite file in a temp folder, with the shared tables, a lock service and an action log on disk, as a program has. */
@State(Scope.Benchmark)
public class CoordinationState {
    Path folder;
    SqliteDatabase db;
    ActionLog log;
    Locks locks;

    @Setup(Level.Trial)
    public void open() throws IOException {
        folder = Files.createTempDirectory("timelapse-bench-coordination");
        db = SqliteDatabase.open(folder.resolve("library.sqlite"));
        db.migrate("shared", "db/shared");
        log = ActionLog.builder("bench").logDirectory(folder.resolve("logs")).build();
        locks = Locks.builder(db, log).defaultLease(Duration.ofSeconds(30)).build();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        locks.close();
        log.close();
        db.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
