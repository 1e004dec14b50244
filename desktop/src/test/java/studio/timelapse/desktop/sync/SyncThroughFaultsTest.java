package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.RetryPolicy;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * The guarantee through a hostile network: a real agent on loopback behind a proxy that cuts connections at random
 * places, and a studio that syncs through it. Afterwards the agent's frames and the library's agree exactly.
 */
class SyncThroughFaultsTest {
    private final ScratchFolder root = new ScratchFolder("sync-faults");
    private LoopbackAgent agent;
    private SyncingStudio studio;
    private FaultyTcpProxy proxy;

    static SyncSettings quickRetries() {
        return SyncSettings.defaults().withReserve(0)
                .withRetry(RetryPolicy.standard().withMaxAttempts(50).withDelays(Duration.ofMillis(200),
                        Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
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
    void storesEveryFrameExactlyOnceThroughAHundredCutConnections() throws Exception {
        agent = LoopbackAgent.start(root.resolve("agent"));
        List<FrameInfo> taken = new SeededAgent().seed(agent, 200, 48 * 1024);
        studio = new SyncingStudio(root.resolve("library"), quickRetries());
        String camera = studio.pair(agent.address(), agent.openPairingWindow());
        proxy = new FaultyTcpProxy(agent.address().port(), 20261128L, FaultyTcpProxy.FaultPlan.cutEachWithin(128 * 1024));
        studio.reachCameraAt(camera, proxy.port());

        Job job = studio.syncAndWait(camera, Duration.ofMinutes(3));

        assertThat(job.state()).as("%s", job).isEqualTo(JobState.SUCCEEDED);
        assertThat(proxy.cuts()).as("connections the proxy cut").isGreaterThanOrEqualTo(100);
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
        assertThat(audit.libraryFrames()).isEqualTo(taken.size());
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isEqualTo(taken.size());
    }
}

