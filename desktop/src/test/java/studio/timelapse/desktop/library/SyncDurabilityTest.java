package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.testing.ChildJvm;

/**
 * A studio killed with kill -9 while it stores synced batches: reopened, its cursor and its frames agree exactly —
 * every frame up to the cursor is there with its file, and none after it — because each batch and its cursor are
 * one commit.
 */
class SyncDurabilityTest {

    @Test
    void afterAKillTheCursorAndTheFramesAgree(@TempDir Path folder) throws Exception {
        for (int round = 1; round <= 2; round++) {
            try (ChildJvm writer = ChildJvm.start(SyncWriterMain.class, Map.of(), folder.toString())) {
                writer.awaitLine("BATCH " + (2 * round), Duration.ofSeconds(60));
                writer.killHard();
            }
            try (LibraryFixture reopened = LibraryFixture.in(folder)) {
                Frames frames = reopened.frames();
                FrameId cursor = frames.syncCursor("cam-1").orElseThrow();
                long stream = reopened.sequences().streamOf("cam-1").orElseThrow().id();
                List<Frame> all = all(frames, stream);

                assertThat(cursor.sequence() % SyncWriterMain.BATCH).isZero();
                assertThat(all).extracting(f -> f.cameraFrameId().orElseThrow().sequence())
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, cursor.sequence())
                                .boxed().toList());
                for (Frame frame : all) {
                    Path file = reopened.library().files().resolve(frame.path());
                    assertThat(LibraryFixture.sha256(Files.readAllBytes(file))).isEqualTo(frame.sha256());
                }
            }
            // The next round starts from where this one stopped: its first batch repeats frames already stored.
        }
    }

    private static List<Frame> all(Frames frames, long stream) {
        List<Frame> all = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            Page page = frames.ofSequence(stream, after, 1000);
            all.addAll(page.frames());
            after = page.next();
        } while (after.isPresent());
        return all;
    }
}
