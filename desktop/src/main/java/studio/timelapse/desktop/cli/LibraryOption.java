package studio.timelapse.desktop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;
import studio.timelapse.desktop.core.StudioCore;
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
        requireExists(homes);
        return withCliLog(homes, log -> new OpenLibrary(log, Library.open(folder(homes), log, Clock.systemUTC())));
    }

    /**
     * Opens the studio's engine on the library (which must exist), with an action log that writes into the studio's
     * log folder: the one job runner, whose work any other process on the library sees and resumes.
     *
     * @throws IllegalStateException saying where no library was found
     */
    OpenCore openCore(AppHome homes, StudioCore.Settings settings) {
        requireExists(homes);
        return openOrCreateCore(homes, settings);
    }

    private void requireExists(AppHome homes) {
        if (!exists(homes)) {
            throw new IllegalStateException("no library at " + folder(homes)
                    + " (give another with --library DIR, or create one by adding a camera or importing)");
        }
    }

    /**
     * The studio's engine on the library (which must exist) opened to look and to steer, running no work: for
     * commands that show or change state.
     */
    OpenCore openCoreToLook(AppHome homes) {
        requireExists(homes);
        return withCliLog(homes, log -> new OpenCore(log, StudioCore.openToLook(folder(homes), log, Clock.systemUTC())));
    }

    /** As {@link #openCore}, creating the library if there is none yet (an import may be the first thing done). */
    OpenCore openOrCreateCore(AppHome homes, StudioCore.Settings settings) {
        return withCliLog(homes, log -> new OpenCore(log, StudioCore.open(folder(homes), log, Clock.systemUTC(),
                settings)));
    }

    /** As {@link #openOrCreateCore}, working renders only (see {@link StudioCore#openForRenders}). */
    OpenCore openOrCreateRenderCore(AppHome homes, StudioCore.Settings settings) {
        return withCliLog(homes, log -> new OpenCore(log, StudioCore.openForRenders(folder(homes), log,
                Clock.systemUTC(), settings)));
    }

    /** Opens what {@code opening} opens with a log into the studio's log folder, closing the log if that fails. */
    private static <T> T withCliLog(AppHome homes, java.util.function.Function<ActionLog, T> opening) {
        ActionLog log = ActionLog.builder("cli").logDirectory(homes.studio().logs()).build();
        try {
            return opening.apply(log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** The opened engine and its log, closed together (running jobs stop at a checkpoint, to resume later). */
    record OpenCore(ActionLog log, StudioCore core) implements AutoCloseable {
        @Override
        public void close() {
            try {
                core.close();
            } finally {
                log.close();
            }
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
