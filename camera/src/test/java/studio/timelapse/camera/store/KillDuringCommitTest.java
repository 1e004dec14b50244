package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.testing.ChildJvm;

/**
 * A real agent process killed with {@code kill -9} while it stores frames; the next process finds no partial frame
 * indexed, a sequence without holes, and every indexed frame whole.
 */
class KillDuringCommitTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void killedWhileTheCameraWritesAFrameNothingOfItIsKept() throws Exception {
        try (ChildJvm agent = ChildJvm.start(StoreWorkerMain.class, Map.of(), home.toString(), "mid-write")) {
            agent.awaitLine("PAUSED mid_write", PATIENCE);
            agent.killHard();
        }

        try (StoreFixture fixture = new StoreFixture(home)) {
            assertThat(StoreAudit.assertWholeAndGapFree(fixture)).hasSize(2);
            assertThat(fixture.logged("camera:store:leftover_deleted")).hasSize(1);
            assertThat(fixture.takeOne().id().sequence()).isEqualTo(3);
        }
    }

    @Test
    void killedBetweenRenameAndCommitTheFrameIsIndexedAgainAtTheNextStart() throws Exception {
        try (ChildJvm agent = ChildJvm.start(StoreWorkerMain.class, Map.of(), home.toString(), "after-rename")) {
            agent.awaitLine("PAUSED after_rename", PATIENCE);
            agent.killHard();
        }

        try (StoreFixture fixture = new StoreFixture(home)) {
            List<FrameInfo> frames = StoreAudit.assertWholeAndGapFree(fixture);
            assertThat(frames).hasSize(3);
            assertThat(fixture.store.stored(frames.get(2).id()).orElseThrow().recovered()).isTrue();
            assertThat(fixture.store.stored(frames.get(1).id()).orElseThrow().recovered()).isFalse();
            assertThat(fixture.takeOne().id().sequence()).isEqualTo(4);
        }
    }

    @Test
    void killedAtAnyMomentOfAStreamOfCommitsTheStoreStaysWholeAndGapFree() throws Exception {
        long printed;
        try (ChildJvm agent = ChildJvm.start(StoreWorkerMain.class, Map.of(), home.toString(), "loop")) {
            agent.awaitLine("COMMITTED 15", PATIENCE);
            agent.killHard();
            printed = agent.output().lines().filter(l -> l.startsWith("COMMITTED ")).count();
        }

        try (StoreFixture fixture = new StoreFixture(home)) {
            List<FrameInfo> frames = StoreAudit.assertWholeAndGapFree(fixture);
            assertThat((long) frames.size()).as("every frame reported committed, and perhaps the one under way")
                    .isBetween(printed, printed + 1);
            assertThat(fixture.takeOne().id().sequence()).isEqualTo(frames.size() + 1);
        }
    }

    @Test
    void aStoreHeldByAnotherProcessIsRefusedUntilThatProcessDies() throws Exception {
        try (ChildJvm agent = ChildJvm.start(StoreWorkerMain.class, Map.of(), home.toString(), "hold")) {
            agent.awaitLine("READY", PATIENCE);
            try (var db = StoreFixture.openDatabase(home);
                    var recording = new studio.timelapse.shared.testing.RecordingLog()) {
                assertThatThrownBy(() -> FrameStore.builder(home, db, recording.log()).open())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("another agent process (pid " + agent.pid() + ")");
            }
            agent.killHard();
        }

        try (StoreFixture fixture = new StoreFixture(home)) {
            assertThat(fixture.store.find(new FrameId(fixture.store.epoch(), 1))).isEmpty();
        }
    }
}
