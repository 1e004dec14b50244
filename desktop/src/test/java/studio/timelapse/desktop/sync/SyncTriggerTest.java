package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.camera.control.CaptureControl;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.shared.job.JobState;

/** An online studio follows a capturing camera by its events, with no one asking for a sync. */
class SyncTriggerTest {
    private final ScratchFolder root = new ScratchFolder("sync-trigger");
    private LoopbackAgent agent;
    private SyncingStudio studio;
    private AutoCloseable subscription;

    @AfterEach
    void stop() throws Exception {
        if (subscription != null) {
            subscription.close();
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
    void eachCapturedFrameIsPulledByTheEventThatAnnouncesIt() throws Exception {
        agent = LoopbackAgent.start(root.resolve("agent"));
        studio = new SyncingStudio(root.resolve("library"), SyncThroughFaultsTest.quickRetries());
        String camera = studio.pair(agent.address(), agent.openPairingWindow());
        SyncTrigger trigger = new SyncTrigger(studio.scheduler, studio.log);
        subscription = studio.links.subscribe(camera, trigger.listenerFor(camera));
        await().atMost(Duration.ofSeconds(30)).until(() -> !studio.runner.jobs(JobState.SUCCEEDED).isEmpty());

        agent.agent().control().command(CaptureControl.AGENT, "start", "test");
        await().atMost(Duration.ofMinutes(1)).until(() -> Frames.of(studio.library).count() >= 6);
        agent.agent().control().command(CaptureControl.AGENT, "stop", "test");
        await().atMost(Duration.ofMinutes(1)).until(() -> studio.runner.jobs(JobState.QUEUED, JobState.RUNNING,
                JobState.INTERRUPTED).isEmpty()
                && Frames.of(studio.library).count() == agent.agent().store().stats().lastSequence());
        long captured = agent.agent().store().stats().lastSequence();

        assertThat(studio.runner.jobs(JobState.SUCCEEDED)).anySatisfy(job ->
                assertThat(job.idempotencyKey().orElseThrow()).contains(":through:" + agent.agent().store().epoch()));
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isEqualTo(captured);
    }
}
