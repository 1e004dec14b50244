package studio.timelapse.desktop.ui;

import java.nio.file.Path;
import java.time.Clock;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;

/** A real studio session in a temporary home, for the screens' tests. */
public final class TestStudio {
    private TestStudio() {}

    public static DataHome home(Path folder) {
        return new DataHome("studio home", AppHome.STUDIO_HOME_VARIABLE, folder);
    }

    public static StudioSession open(Path folder, Clock clock) throws Exception {
        return StudioSession.builder(home(folder)).clock(clock).open().start();
    }
}
