package studio.timelapse.desktop.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.home.DataHome;
import studio.timelapse.shared.job.JobType;

/** A real studio session in a temporary home, for the screens' tests. */
public final class TestStudio {
    private TestStudio() {}

    public static DataHome home(Path folder) {
        return new DataHome("studio home", AppHome.STUDIO_HOME_VARIABLE, folder);
    }

    public static StudioSession open(Path folder, Clock clock, JobType<?, ?>... types) throws Exception {
        StudioSession.Builder builder = StudioSession.builder(home(folder)).clock(clock)
                .heartbeatInterval(Duration.ofMillis(200));
        for (JobType<?, ?> type : types) {
            builder.jobType(type);
        }
        return builder.open().start();
    }
}
