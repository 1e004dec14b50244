package studio.timelapse.desktop.cli;

import picocli.CommandLine.IVersionProvider;
import studio.timelapse.shared.build.BuildInfo;

/** What {@code timelapse version} and {@code timelapse --version} print: enough for a bug report. */
final class VersionText implements IVersionProvider {
    private final BuildInfo build;

    VersionText(BuildInfo build) {
        this.build = build;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Timelapse Studio " + build.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch")
        };
    }
}
