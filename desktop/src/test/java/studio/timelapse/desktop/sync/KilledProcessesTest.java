package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.testing.ChildJvm;

/**
 * {@code kill -9} in the middle of a sync, of either side: the camera agent (its process restarted on the same home
 * and port) or the studio (the sync run again on the same library). Nothing is lost, doubled or damaged.
 */
class KilledProcessesTest {
    private static final int FRAMES = 120;
    private static final int SIZE = 48 * 1024;
    /** Slow enough that the kill lands mid-sync: about 5 s for all frames. */
    private static final long CAP = FRAMES * (long) SIZE / 5;

    private final ScratchFolder root = new ScratchFolder("sync-kill");
    private LoopbackAgent agent;
    private SyncingStudio studio;
    private ChildJvm child;

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.close();
        }
        if (studio != null) {
            studio.close();
        }
        if (agent != null) {
            agent.close();
        }
        root.close();
    }

    @Test
    void theAgentKilledMidSyncAndRestartedLeavesTheLibraryComplete() throws Exception {
        agent = LoopbackAgent.start(root.resolve("agent"));
        List<FrameInfo> taken = new SeededAgent().seed(agent, FRAMES, SIZE);
        studio = new SyncingStudio(root.resolve("library"), SyncThroughFaultsTest.quickRetries().withBandwidthCap(CAP));
        String camera = studio.pair(agent.address(), agent.openPairingWindow());
        int port = agent.address().port();
        agent.stop();
        child = ChildJvm.start(AgentProcessMain.class, Map.of(), root.resolve("agent").toString(), Integer.toString(port));
        child.awaitLine("READY", Duration.ofMinutes(1));

        Job job = studio.scheduler.request(camera);
        await().atMost(Duration.ofMinutes(2)).until(() -> Frames.of(studio.library).count() >= 20);
        child.killHard();
        long storedAtKill = Frames.of(studio.library).count();
        child = ChildJvm.start(AgentProcessMain.class, Map.of(), root.resolve("agent").toString(), Integer.toString(port));
        child.awaitLine("READY", Duration.ofMinutes(1));

        Job done = studio.runner.awaitFinished(job.id(), Duration.ofMinutes(3));
        assertThat(done.state()).as("%s", done).isEqualTo(JobState.SUCCEEDED);
        // Whether the outage ends the run (and the runner retries it) or the run's own download retries outlast it
        // depends on how fast the agent comes back; either way the library must end complete.
        assertThat(storedAtKill).as("frames stored when the agent was killed").isLessThan(FRAMES);
        SyncAudit audit = SyncAudit.of(studio.agentFrames(camera), studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
        assertThat(audit.libraryFrames()).isEqualTo(taken.size());
    }

    @Test
    void theStudioKilledMidSyncAndRunAgainLeavesTheLibraryComplete() throws Exception {
        agent = LoopbackAgent.start(root.resolve("agent"));
        List<FrameInfo> taken = new SeededAgent().seed(agent, FRAMES, SIZE);
        String camera;
        try (SyncingStudio pairing = new SyncingStudio(root.resolve("library"), SyncThroughFaultsTest.quickRetries())) {
            camera = pairing.pair(agent.address(), agent.openPairingWindow());
        }

        child = ChildJvm.start(StudioSyncMain.class, Map.of(), root.resolve("library").toString(), camera,
                Long.toString(CAP));
        child.awaitLine("STARTED", Duration.ofMinutes(1));
        try (ActionLog quiet = ActionLog.builder("test").build();
                Library watching = Library.open(root.resolve("library"), quiet, Clock.systemUTC())) {
            await().atMost(Duration.ofMinutes(2)).until(() -> Frames.of(watching).count() >= 20);
        }
        child.killHard();
        long acknowledgedAtKill = agent.agent().store().stats().acknowledgedFrames();
        assertThat(acknowledgedAtKill).isLessThan(FRAMES);

        child = ChildJvm.start(StudioSyncMain.class, Map.of(), root.resolve("library").toString(), camera,
                Long.toString(CAP * 4));
        String synced = child.awaitLine("SYNCED", Duration.ofMinutes(3));
        assertThat(synced).startsWith("SYNCED SUCCEEDED");
        assertThat(child.awaitExit(Duration.ofMinutes(1))).isZero();

        studio = new SyncingStudio(root.resolve("library"), SyncThroughFaultsTest.quickRetries());
        // The killed run's job is resumed by whichever runner comes next (the rerun may also have queued a new one,
        // which did the work); each ends successfully, having found the library complete or completed it. Let them
        // end before the audit: one resumed here rewrites frames it finds stored, through temporary files.
        for (Job left : studio.runner.jobs(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED)) {
            assertThat(studio.runner.awaitFinished(left.id(), Duration.ofMinutes(2)).state()).isEqualTo(JobState.SUCCEEDED);
        }
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
        assertThat(audit.libraryFrames()).isEqualTo(taken.size());
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isEqualTo(taken.size());
        assertThat(studio.runner.jobs(JobState.FAILED, JobState.CANCELLED)).isEmpty();
        assertThat(studio.runner.jobs(JobState.SUCCEEDED)).anySatisfy(job -> assertThat(job.attempts())
                .as("the killed run and the one that finished").isGreaterThanOrEqualTo(2));
        assertThat(SyncAudit.of(agent.agent().store()::after, studio.library, camera).perfect()).isTrue();
    }
}
