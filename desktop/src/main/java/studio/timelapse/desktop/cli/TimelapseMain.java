package studio.timelapse.desktop.cli;

import studio.timelapse.shared.build.BuildInfo;
import studio.timelapse.shared.home.AgentLaunch;
import studio.timelapse.shared.home.AppHome;

/** Entry point of the studio's jar: the {@code timelapse} command line, wired to this process. */
public final class TimelapseMain {
    private TimelapseMain() {}

    public static void main(String[] args) {
        int exitCode = TimelapseCli.forArguments(AppHome.ofThisProcess(), AgentLaunch.ofThisProcess(),
                BuildInfo.load(), args).execute(args);
        System.exit(exitCode);
    }
}
