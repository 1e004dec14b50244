package studio.timelapse.desktop.sync;

import java.nio.file.Path;
import java.time.Duration;
import studio.timelapse.shared.job.Job;

/**
 * A studio in a process of its own that syncs one camera, for a test to kill: {@code <library> <camera id>
 * <bytes per second>}; prints SYNCED with the job's state when the sync has finished.
 */
public final class StudioSyncMain {
    private StudioSyncMain() {}

    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[0]);
        String camera = args[1];
        long cap = Long.parseLong(args[2]);
        try (SyncingStudio studio = new SyncingStudio(library, SyncThroughFaultsTest.quickRetries()
                .withBandwidthCap(cap))) {
            System.out.println("STARTED");
            Job job = studio.syncAndWait(camera, Duration.ofMinutes(5));
            System.out.println("SYNCED " + job.state() + " " + job.lastError().orElse(""));
        }
        System.exit(0);
    }
}
