package studio.timelapse.desktop.ui;

import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import studio.timelapse.shared.home.DataHome;

/** Starts the studio window from the command line and returns when it closes. */
public final class StudioLauncher {
    private StudioLauncher() {}

    /**
     * Shows the studio on {@code library} until the window is closed.
     *
     * @throws IllegalStateException when there is no display to show a window on
     */
    public static void launch(DataHome home, Path library, Map<String, String> environment) {
        if (!hasDisplay(environment)) {
            throw new IllegalStateException("there is no display to open the studio window on (DISPLAY and"
                    + " WAYLAND_DISPLAY are unset); run it in a desktop session, or use the other timelapse commands");
        }
        Application.launch(StudioApp.class, "--home=" + home.root().toAbsolutePath(),
                "--library=" + library.toAbsolutePath());
    }

    /** Linux and other X11/Wayland systems need a display; macOS and Windows always have one. */
    static boolean hasDisplay(Map<String, String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            return true;
        }
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return !environment.getOrDefault("DISPLAY", "").isBlank()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }
}
