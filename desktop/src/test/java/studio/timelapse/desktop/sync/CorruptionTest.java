package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Bytes that arrive wrong never reach the library: a body damaged on the way, a partial file damaged on the studio's
 * disk, and a frame whose copy on the camera no longer matches its recorded SHA-256.
 */
class CorruptionTest {
    private static final int FRAMES = 24;
    private static final int SIZE = 40 * 1024;

    private final ScratchFolder root = new ScratchFolder("sync-corruption");
    private LoopbackAgent agent;
    private SyncingStudio studio;
    private FaultyTcpProxy proxy;
    private List<FrameInfo> taken;
    private String camera;

    private void start(UnaryOperator<CameraLink> decorate) throws Exception {
        agent = LoopbackAgent.start(root.resolve("agent"));
        taken = new SeededAgent().seed(agent, FRAMES, SIZE);
        studio = new SyncingStudio(root.resolve("library"), SyncThroughFaultsTest.quickRetries(), decorate);
        camera = studio.pair(agent.address(), agent.openPairingWindow());
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

    private List<LogMessage> messages(String type) {
        return studio.recent.snapshot().stream().filter(m -> m.type().equals(type)).toList();
    }

    @Test
    void aBodyDamagedOnTheWayIsCaughtByItsDigestAndFetchedAgain() throws Exception {
        AtomicInteger damaged = new AtomicInteger();
        start(link -> new DelegatingLink(link) {
            @Override
            public FrameBody download(FrameId id, long fromByte, String etag) throws IOException {
                FrameBody body = inner.download(id, fromByte, etag);
                if (id.sequence() != 5 || damaged.getAndIncrement() > 0) {
                    return body;
                }
                byte[] bytes = body.body().readAllBytes();
                body.close();
                bytes[1000] ^= 0x01;
                return new FrameBody(body.status(), body.etag(), body.firstByte(), body.totalLength(),
                        body.reprDigestHex(), new ByteArrayInputStream(bytes));
            }
        });

        Job job = studio.syncAndWait(camera, Duration.ofMinutes(2));

        assertThat(job.state()).as("%s", job).isEqualTo(JobState.SUCCEEDED);
        assertThat(damaged.get()).as("downloads of frame 5").isEqualTo(2);
        assertThat(messages("studio:sync:digest_mismatch")).singleElement()
                .satisfies(m -> assertThat(m.get("frame")).isEqualTo(taken.get(4).id().toString()));
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
    }

    @Test
    void aByteChangedInTransitIsRefusedByTlsAndTheDownloadResumes() throws Exception {
        start(link -> link);
        proxy = new FaultyTcpProxy(agent.address().port(), 7L,
                (n, random) -> FaultyTcpProxy.Faults.corruptAt(2_000 + random.nextInt(120_000)));
        studio.reachCameraAt(camera, proxy.port());

        Job job = studio.syncAndWait(camera, Duration.ofMinutes(2));

        assertThat(job.state()).as("%s", job).isEqualTo(JobState.SUCCEEDED);
        assertThat(proxy.corruptions()).isGreaterThan(3);
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
    }

    @Test
    void aDamagedPartialFileIsThrownAwayAndTheFrameFetchedWhole() throws Exception {
        start(link -> link);
        FrameInfo third = taken.get(2);
        Path partial = new PartialFiles(SyncJob.tempArea(studio.library), camera).of(third);
        byte[] garbage = new byte[SIZE / 2];
        java.util.Arrays.fill(garbage, (byte) 0x42);
        Files.write(partial, garbage);

        Job job = studio.syncAndWait(camera, Duration.ofMinutes(2));

        assertThat(job.state()).as("%s", job).isEqualTo(JobState.SUCCEEDED);
        assertThat(messages("studio:sync:digest_mismatch")).singleElement()
                .satisfies(m -> assertThat(m.get("frame")).isEqualTo(third.id().toString()));
        assertThat(partial).doesNotExist();
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.perfect()).as("%s", audit).isTrue();
    }

    @Test
    void aFrameCorruptOnTheCameraIsNeitherStoredNorAcknowledgedAndTheRestSyncs() throws Exception {
        start(link -> link);
        FrameInfo seventh = taken.get(6);
        Path onCamera = SeededAgent.fileOf(agent, seventh);
        byte[] bytes = Files.readAllBytes(onCamera);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(onCamera, bytes);

        Job job = studio.syncAndWait(camera, Duration.ofMinutes(2));

        assertThat(job.state()).as("%s", job).isEqualTo(JobState.SUCCEEDED);
        assertThat(messages("studio:sync:frame_skipped")).singleElement().satisfies(m -> {
            assertThat(m.get("frame")).isEqualTo(seventh.id().toString());
            assertThat(m.get("why")).isEqualTo("corrupt_on_camera");
        });
        SyncAudit audit = SyncAudit.of(agent.agent().store()::after, studio.library, camera);
        assertThat(audit.missing()).containsExactly(seventh.id().toString());
        assertThat(audit.mismatched()).isEmpty();
        assertThat(audit.duplicated()).isEmpty();
        assertThat(audit.acknowledgedButNotStored()).isEmpty();
        assertThat(audit.strayFiles()).isEmpty();
        assertThat(agent.agent().store().find(seventh.id()).orElseThrow().acknowledged()).isFalse();
        assertThat(agent.agent().store().stats().acknowledgedFrames()).isEqualTo(FRAMES - 1);
    }
}
