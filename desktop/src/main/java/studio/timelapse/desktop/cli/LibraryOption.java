package studio.timelapse.desktop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.home.AppHome;

/** {@code --library DIR}: which library a command works on; by default the one in the studio's home. */
final class LibraryOption {
    @Option(names = "--library", paramLabel = "DIR",
            description = "The library folder (default: the studio home's 'library', see 'timelapse paths').")
    Path folder;

    /** The default library of a studio home: {@code <TIMELAPSE_HOME>/library}. */
    static Path defaultFolder(AppHome homes) {
        return homes.studio().root().resolve("library");
    }

    Path folder(AppHome homes) {
        return (folder != null ? folder : defaultFolder(homes)).toAbsolutePath().normalize();
    }

    boolean exists(AppHome homes) {
        return Files.isRegularFile(folder(homes).resolve(Library.DATABASE_FILE));
    }

    /**
     * Opens the library (which must exist: a typo in a path should not create a new, empty library), with an action
     * log that writes into the studio's log folder.
     *
     * @throws IllegalStateException saying where no library was found
     */
    OpenLibrary open(AppHome homes) {
        if (!exists(homes)) {
            throw new IllegalStateException("no library at " + folder(homes)
                    + " (give another with --library DIR, or create one by adding a camera or importing)");
        }
        ActionLog log = ActionLog.builder("cli").logDirectory(homes.studio().logs()).build();
        try {
            return new OpenLibrary(log, Library.open(folder(homes), log, Clock.systemUTC()));
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** An opened library and its log, closed together. */
    record OpenLibrary(ActionLog log, Library library) implements AutoCloseable {
        @Override
        public void close() {
            try {
                library.close();
            } finally {
                log.close();
            }
        }
    }
}
