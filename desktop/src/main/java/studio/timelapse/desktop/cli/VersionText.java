package studio.timelapse.desktop.cli;

import picocli.CommandLine.IVersionProvider;
import studio.timelapse.shared.build.BuildInfo;

/** What {@code timelapse version} and {@code timelapse --version} print. */
final class VersionText implements IVersionProvider {
    private final BuildInfo build;

    VersionText(BuildInfo build) {
        this.build = build;
    }

    @Override
    public String[] getVersion() {
        return build.describe().toArray(String[]::new);
    }
}
