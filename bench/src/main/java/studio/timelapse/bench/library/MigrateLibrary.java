package studio.timelapse.bench.library;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Opens a library built by an older version, which brings its schema up to date, and prints how long that took:
 * {@code java -cp bench/target/benchmarks.jar studio.timelapse.bench.library.MigrateLibrary DIR}. It is how the
 * synthetic library of an earlier run is reused after a migration, and what a user's first start after upgrading
 * costs on a library of that size.
 */
public final class MigrateLibrary {
    private MigrateLibrary() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        try (ActionLog log = ActionLog.builder("bench").build()) {
            long started = System.nanoTime();
            try (Library library = Library.open(folder, log, Clock.systemUTC())) {
                System.out.printf(Locale.ROOT, "opened (and migrated) %s, %,d frames, in %.1f s%n", folder,
                        Frames.of(library).count(), (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
