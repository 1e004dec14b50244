package studio.timelapse.desktop.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** Entry point of the studio's jar: the {@code timelapse} command line, wired to this process. */
public final class TimelapseMain {
    private TimelapseMain() {}

    public static void main(String[] args) {
        keepSqliteNativeLibrary(System.getProperty(SqliteNativeCache.FOLDER_PROPERTY));
        int exitCode = TimelapseCli.forArguments(AppHome.ofThisProcess(), AgentLaunch.ofThisProcess(),
                BuildInfo.load(), args).execute(args);
        System.exit(exitCode);
    }

    /** In the folder the launcher names, if it names one it can use (see {@link SqliteNativeCache}). */
    private static void keepSqliteNativeLibrary(String folder) {
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            new SqliteNativeCache(Path.of(folder), TimelapseMain.class.getClassLoader()).install();
        } catch (InvalidPathException e) {
            // Not a folder name on this system: sqlite-jdbc extracts its library as it does by default.
        }
    }
}
