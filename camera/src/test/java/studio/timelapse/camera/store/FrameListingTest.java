package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;

class FrameListingTest {
    @TempDir
    Path home;
    StoreFixture fixture;

    @BeforeEach
    void openStore() throws IOException {
        fixture = new StoreFixture(home);
    }

    @AfterEach
    void closeStore() throws IOException {
        fixture.close();
    }

    @Test
    void pagesFollowTheCursorInSequenceOrderAndSayWhenMoreFollow() throws IOException {
        List<FrameInfo> taken = fixture.take(5);

        FramePage first = fixture.store.after(Optional.empty(), 2);
        FramePage second = fixture.store.after(first.next(), 2);
        FramePage last = fixture.store.after(second.next(), 2);

        assertThat(first.frames()).containsExactlyElementsOf(taken.subList(0, 2));
        assertThat(first.next()).contains(taken.get(1).id());
        assertThat(second.frames()).containsExactlyElementsOf(taken.subList(2, 4));
        assertThat(last.frames()).containsExactly(taken.get(4));
        assertThat(last.next()).isEmpty();
        assertThat(fixture.store.after(Optional.of(taken.get(4).id()), 10).frames()).isEmpty();
    }

    @Test
    void aCursorFromAnotherEpochListsThisEpochFromItsStart() throws IOException {
        List<FrameInfo> taken = fixture.take(2);

        FramePage page = fixture.store.after(Optional.of(new FrameId("oldstore", 40)), 10);

        assertThat(page.frames()).containsExactlyElementsOf(taken);
    }

    @Test
    void aPageHoldsOneToAThousandFrames() {
        assertThatThrownBy(() -> fixture.store.after(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixture.store.after(Optional.empty(), 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findAndLatestAnswerFromTheIndex() throws IOException {
        assertThat(fixture.store.latest()).isEmpty();
        List<FrameInfo> taken = fixture.take(3);

        assertThat(fixture.store.find(taken.get(1).id())).contains(taken.get(1));
        assertThat(fixture.store.find(new FrameId(fixture.store.epoch(), 4))).isEmpty();
        assertThat(fixture.store.find(new FrameId("otherepoch", 1))).isEmpty();
        assertThat(fixture.store.latest()).contains(taken.get(2));
    }

    @Test
    void aMissingFileIsFlaggedAndReportedOnceButTheFrameStaysListed() throws IOException {
        FrameInfo frame = fixture.takeOne();
        Path file = fixture.store.file(frame.id()).orElseThrow();
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);

        assertThat(fixture.store.file(frame.id())).isEmpty();
        assertThat(fixture.store.file(frame.id())).isEmpty();

        assertThat(fixture.logged("camera:store:missing_file")).singleElement()
                .satisfies(m -> assertThat(m.get("id")).isEqualTo(frame.id().toString()));
        assertThat(fixture.store.find(frame.id())).contains(frame);
        assertThat(fixture.store.stored(frame.id()).orElseThrow().missingSince()).contains(fixture.clock.instant());
        assertThat(fixture.store.stats().missingFiles()).isEqualTo(1);

        Files.write(file, content);
        assertThat(fixture.store.file(frame.id())).contains(file);
        assertThat(fixture.store.stats().missingFiles()).isZero();
        assertThat(fixture.logged("camera:store:file_returned")).hasSize(1);
    }

    @Test
    void aStoredPathNeverLeadsOutOfTheFramesFolder() {
        StoreLayout layout = new StoreLayout(home);

        assertThatThrownBy(() -> layout.resolve("../agent.db")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> layout.resolve("2026/../../quarantine/x.jpg"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> layout.resolve(".incoming/x.jpg")).isInstanceOf(IllegalStateException.class);
        assertThat(layout.resolve("2026/03/01/a-00000001.jpg")).startsWithRaw(home.resolve("frames"));
    }

    @Test
    void statsCountFramesAndBytesByWhetherTheStudioHasThem() throws IOException {
        List<FrameInfo> taken = fixture.take(4);
        fixture.store.acknowledge(new studio.timelapse.shared.protocol.Acknowledgement(fixture.store.epoch(), 1, 1));

        StoreStats stats = fixture.store.stats();

        long bytes = taken.stream().mapToLong(FrameInfo::size).sum();
        assertThat(stats.frames()).isEqualTo(4);
        assertThat(stats.lastSequence()).isEqualTo(4);
        assertThat(stats.acknowledgedFrames()).isEqualTo(1);
        assertThat(stats.acknowledgedBytes()).isEqualTo(taken.get(0).size());
        assertThat(stats.unsyncedFrames()).isEqualTo(3);
        assertThat(stats.unsyncedBytes()).isEqualTo(bytes - taken.get(0).size());
        assertThat(stats.oldestUnsynced().map(FrameInfo::id)).contains(taken.get(1).id());
        assertThat(stats.latest()).contains(taken.get(3));
        assertThat(stats.space().totalBytes()).isEqualTo(1_000_000_000L);
        assertThat(stats.space().usableBytes()).isEqualTo(1_000_000_000L - bytes);
    }
}
