package studio.timelapse.desktop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import studio.timelapse.desktop.ui.StudioLauncher;
import studio.timelapse.shared.home.AppHome;

/** {@code timelapse studio}: the studio window. */
@Command(
        name = "studio",
        description = {
            "Opens the studio window on the library in the studio's home (<home>/library), or on --library FOLDER.",
            "Returns when the window is closed."
        })
final class StudioCommand implements Callable<Integer> {
    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Option(names = "--library", paramLabel = "FOLDER", description = "Open this library folder instead.")
    Path library;

    StudioCommand(AppHome homes) {
        this.homes = homes;
    }

    @Override
    public Integer call() {
        Path folder = library != null ? library : homes.studio().root().resolve("library");
        StudioLauncher.launch(homes.studio(), folder, System.getenv());
        return 0;
    }
}
