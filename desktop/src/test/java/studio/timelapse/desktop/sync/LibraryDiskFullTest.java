package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * A library on a disk that fills up mid-sync: sync pauses with the reason (in the job, its log and its insight),
 * acknowledges only what it stored, and goes on by itself once there is room again.
 */
class LibraryDiskFullTest {
    private final ScratchFolder root = new ScratchFolder("sync-disk-full");
    private LoopbackAgent agent;
    private SyncingStudio studio;
    private SmallDisk disk;

    @AfterEach
    void stop() throws Exception {
        if (studio != null) {
            studio.close();
        }
        if (agent != null) {
            agent.close();
        }
        if (disk != null) {
            disk.close();
        }
        root.close();
    }

    @Test
    void pausesWithTheReasonAcknowledgesOnlyWhatItStoredAndResumesWhenSpaceReturns() throws Exception {
        Optional<SmallDisk> small = SmallDisk.mount(root.resolve("disk"), 8);
        Assumptions.assumeTrue(small.isPresent(), "this machine does not let the test mount a tmpfs (needs root)");
        disk = small.get();
        agent = LoopbackAgent.start(root.resolve("agent"));
        List<FrameInfo> taken = new SeededAgent().seed(agent, 60, 200 * 1024);
        studio = new SyncingStudio(disk.path().resolve("library"), SyncThroughFaultsTest.quickRetries()
                .withReserve(2 * 1024 * 1024));
        String camera = studio.pair(agent.address(), agent.openPairingWindow());

        Job job = studio.scheduler.request(camera);
        await().atMost(Duration.ofMinutes(2)).until(() -> studio.runner.job(job.id()).orElseThrow().lastError()
                .filter(error -> error.contains("is full")).isPresent());

        Job paused = studio.runner.job(job.id()).orElseThrow();
        assertThat(paused.state()).isIn(JobState.QUEUED, JobState.RUNNING);
        assertThat(paused.lastError().orElseThrow()).contains("free space on");
        assertThat(studio.runner.insight().queue(SyncJob.QUEUE).orElseThrow().queued()
                + studio.runner.insight().queue(SyncJob.QUEUE).orElseThrow().running()).isEqualTo(1);
        List<LogMessage> refusals = studio.recent.snapshot().stream()
                .filter(m -> m.type().equals(SyncJob.NAME) && "failed".equals(m.get(LogMessage.ACTION_STATUS)))
                .toList();
        assertThat(refusals).isNotEmpty().allSatisfy(m -> assertThat(String.valueOf(m.get("reason")))
                .contains("is full"));
        long storedWhileFull = Frames.of(studio.library).count();
        assertThat(storedWhileFull).isBetween(1L, taken.size() - 1L);
        SyncAudit whileFull = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(whileFull.acknowledgedButNotStored()).isEmpty();
        assertThat(whileFull.mismatched()).isEmpty();
        assertThat(whileFull.duplicated()).isEmpty();
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isLessThanOrEqualTo(storedWhileFull);

        disk.grow(64);

        Job done = studio.runner.awaitFinished(job.id(), Duration.ofMinutes(2));
        assertThat(done.state()).as("%s", done).isEqualTo(JobState.SUCCEEDED);
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isEqualTo(taken.size());
    }
}
