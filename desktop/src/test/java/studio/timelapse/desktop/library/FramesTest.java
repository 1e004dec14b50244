package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

class FramesTest {
    private static final Instant NOON = Instant.parse("2024-06-21T12:00:00Z");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @Test
    void anImportedFileIsStoredOnceByItsContent() throws Exception {
        Sequence dump = fixture.sequences().createImport("DCIM");
        byte[] content = "same picture".getBytes(StandardCharsets.UTF_8);
        Frames.Stored first = fixture.importFrame(dump.id(), "IMG_0001.jpg", content, NOON);
        Frames.Stored copy = fixture.importFrame(dump.id(), "IMG_0001-copy.jpg", content, NOON);
        assertThat(first.inserted()).isTrue();
        assertThat(copy.inserted()).isFalse();
        assertThat(copy.frameId()).isEqualTo(first.frameId());
        assertThat(copy.path()).isEqualTo(first.path());
        assertThat(fixture.frames().findImported(LibraryFixture.sha256(content))).get().extracting(Frame::id)
                .isEqualTo(first.frameId());
        assertThat(fixture.frames().countInOrigin(dump.id())).isEqualTo(1);
    }

    @Test
    void importingTheSameFolderTwiceMakesTwoImportsWithTheirOwnNames() {
        assertThat(fixture.sequences().createImport("DCIM").name()).isEqualTo("DCIM");
        assertThat(fixture.sequences().createImport("DCIM").name()).isEqualTo("DCIM (2)");
        assertThat(fixture.sequences().createImport("DCIM").name()).isEqualTo("DCIM (3)");
    }

    @Test
    void framesOfAnUnknownCameraAreRefused() {
        NewCameraFrame frame = new NewCameraFrame(new FrameId("e1", 1), NOON, 0, "0".repeat(64), 1, 1, 1, "frames/x/a.jpg");
        assertThatThrownBy(() -> fixture.frames().insertCameraFrame("nobody", frame))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals().get(0).kind())
                        .isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThat(fixture.frames().count()).isZero();
    }

    @Test
    void aBatchOfSyncedFramesMovesTheCursorWithThem() {
        fixture.addCamera("cam-1");
        List<NewCameraFrame> batch = new ArrayList<>();
        for (int seq = 1; seq <= 5; seq++) {
            batch.add(new NewCameraFrame(new FrameId("e1", seq), NOON.plusSeconds(seq), 7200, sha(seq), 10, 640, 480,
                    "frames/cam-1/2024-06-21/e1-" + seq + ".jpg"));
        }
        List<Frames.Stored> stored = fixture.frames().storeSynced("cam-1", batch, new FrameId("e1", 5));
        assertThat(stored).allMatch(Frames.Stored::inserted).hasSize(5);
        assertThat(fixture.frames().syncCursor("cam-1")).contains(new FrameId("e1", 5));

        // The same batch again (a crash before the acknowledgement): nothing new, the cursor stays.
        List<Frames.Stored> again = fixture.frames().storeSynced("cam-1", batch, new FrameId("e1", 5));
        assertThat(again).noneMatch(Frames.Stored::inserted);
        assertThat(again).extracting(Frames.Stored::frameId).isEqualTo(stored.stream().map(Frames.Stored::frameId).toList());
        assertThat(fixture.frames().count()).isEqualTo(5);
        Frame third = fixture.frames().findCameraFrame("cam-1", new FrameId("e1", 3)).orElseThrow();
        assertThat(third.utcOffsetSeconds()).isEqualTo(7200);
        assertThat(third.width()).isEqualTo(640);
    }

    @Test
    void aBatchThatFailsStoresNothingAndLeavesTheCursor() {
        fixture.addCamera("cam-1");
        NewCameraFrame good = new NewCameraFrame(new FrameId("e1", 1), NOON, 0, sha(1), 10, 0, 0, "frames/a.jpg");
        NewCameraFrame clash = new NewCameraFrame(new FrameId("e1", 2), NOON, 0, sha(2), 10, 0, 0, "frames/a.jpg");
        assertThatThrownBy(() -> fixture.frames().storeSynced("cam-1", List.of(good, clash), new FrameId("e1", 2)))
                .hasMessageContaining("UNIQUE");
        assertThat(fixture.frames().count()).isZero();
        assertThat(fixture.frames().syncCursor("cam-1")).isEmpty();
    }

    @Test
    void aCamerasFramesComeInCaptureOrderPageByPageWithinTheRange() {
        fixture.addCamera("cam-1");
        List<NewCameraFrame> batch = new ArrayList<>();
        // Two frames per second, so that pages split frames that share a capture time.
        for (int seq = 1; seq <= 40; seq++) {
            batch.add(new NewCameraFrame(new FrameId("e1", seq), NOON.plusSeconds(seq / 2), 0, sha(seq), 10, 0, 0,
                    "frames/cam-1/e1-" + seq + ".jpg"));
        }
        fixture.frames().storeSynced("cam-1", batch, new FrameId("e1", 40));
        CaptureRange range = CaptureRange.between(NOON.plusSeconds(3), NOON.plusSeconds(15));

        List<Long> seen = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        int pages = 0;
        do {
            Page page = fixture.frames().ofCamera("cam-1", range, after, 7);
            page.frames().forEach(frame -> seen.add(frame.cameraFrameId().orElseThrow().sequence()));
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(6, 29).boxed().toList());
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aRejectedFrameIsFlaggedUntilRestored() throws Exception {
        fixture.addCamera("cam-1");
        long id = fixture.syncFrame("cam-1", new FrameId("e1", 1), NOON).frameId();
        fixture.frames().reject(id);
        assertThat(fixture.frames().find(id)).get().extracting(Frame::rejected).isEqualTo(true);
        fixture.frames().restore(id);
        assertThat(fixture.frames().find(id)).get().extracting(Frame::rejected).isEqualTo(false);
        assertThatThrownBy(() -> fixture.frames().reject(999)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("no frame 999");
    }

    @Test
    void ingestResultsAndThumbnailsAreKeptWithTheFrame() throws Exception {
        fixture.addCamera("cam-1");
        long first = fixture.syncFrame("cam-1", new FrameId("e1", 1), NOON).frameId();
        long second = fixture.syncFrame("cam-1", new FrameId("e1", 2), NOON.plusSeconds(1)).frameId();
        assertThat(fixture.frames().notIngested(10)).extracting(Frame::id).containsExactly(first, second);

        int[] histogram = new int[FrameAnalysis.BINS];
        histogram[10] = 1000;
        histogram[63] = 7;
        Thumbnail thumbnail = new Thumbnail(320, 240, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
        fixture.clock().advance(Duration.ofMinutes(1));
        fixture.frames().recordIngest(first, new FrameAnalysis(87.5, histogram,
                new Exposure(OptionalDouble.of(1 / 250.0), OptionalDouble.of(2.8), OptionalInt.of(100)), 4056, 3040,
                Optional.of(thumbnail)));

        Frame frame = fixture.frames().find(first).orElseThrow();
        Frame.Ingested ingested = frame.ingested().orElseThrow();
        assertThat(ingested.at()).isEqualTo(LibraryFixture.START.plus(Duration.ofMinutes(1)));
        assertThat(ingested.meanLuma()).isEqualTo(87.5);
        assertThat(ingested.histogram()).isEqualTo(histogram);
        assertThat(ingested.exposure().timeSeconds()).hasValue(1 / 250.0);
        assertThat(ingested.exposure().fNumber()).hasValue(2.8);
        assertThat(ingested.exposure().iso()).hasValue(100);
        assertThat(frame.width()).isEqualTo(4056);
        assertThat(frame.height()).isEqualTo(3040);
        assertThat(fixture.frames().thumbnail(first)).get().satisfies(t -> {
            assertThat(t.jpeg()).isEqualTo(thumbnail.jpeg());
            assertThat(t.width()).isEqualTo(320);
        });
        assertThat(fixture.frames().thumbnails(List.of(first, second))).containsOnlyKeys(first);
        assertThat(fixture.frames().notIngested(10)).extracting(Frame::id).containsExactly(second);
    }

    @Test
    void whatIngestCouldNotTellReadsBackAsUnknownInEveryListing() throws Exception {
        fixture.addCamera("cam-1");
        long frameId = fixture.frames().insertCameraFrame("cam-1", new NewCameraFrame(new FrameId("e1", 1), NOON, 0,
                sha(1), 1, 0, 0, "frames/cam-1/e1-1.jpg")).frameId();
        Frame before = fixture.frames().find(frameId).orElseThrow();
        assertThat(before.ingested()).isEmpty();
        assertThat(before.width()).isZero();
        assertThat(before.height()).isZero();
        assertThat(before.cameraFrameId()).contains(new FrameId("e1", 1));

        fixture.frames().recordIngest(frameId, new FrameAnalysis(0.0, new int[FrameAnalysis.BINS],
                new Exposure(OptionalDouble.empty(), OptionalDouble.of(4), OptionalInt.empty()), 640, 480,
                Optional.empty()));
        long stream = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        long defined = fixture.sequences().define("all of it", new SequenceDefinition(List.of(stream),
                Optional.empty(), Optional.empty(), 1, false, false)).id();
        for (Frame frame : List.of(fixture.frames().find(frameId).orElseThrow(),
                fixture.frames().ofSequence(stream, Optional.empty(), 10).frames().get(0),
                fixture.frames().ofSequence(defined, Optional.empty(), 10).frames().get(0))) {
            Exposure exposure = frame.ingested().orElseThrow().exposure();
            assertThat(frame.ingested().orElseThrow().meanLuma()).isZero();
            assertThat(exposure.timeSeconds()).isEmpty();
            assertThat(exposure.fNumber()).hasValue(4);
            assertThat(exposure.iso()).isEmpty();
            assertThat(frame.width()).isEqualTo(640);
            assertThat(frame.height()).isEqualTo(480);
            assertThat(frame.cameraId()).contains("cam-1");
        }
    }

    @Test
    void aCameraWithFramesCannotBeRemovedButOneWithoutCan() throws Exception {
        fixture.addCamera("cam-1");
        fixture.addCamera("cam-2");
        fixture.syncFrame("cam-1", new FrameId("e1", 1), NOON);
        assertThatThrownBy(() -> fixture.cameras().remove("cam-1")).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.refusals().get(0).code()).isEqualTo("camera.has_frames"));
        assertThat(fixture.cameras().remove("cam-2")).isTrue();
        assertThat(fixture.cameras().find("cam-2")).isEmpty();
        assertThat(fixture.sequences().streamOf("cam-2")).isEmpty();
        assertThat(fixture.cameras().remove("cam-2")).isFalse();
    }

    static String sha(int n) {
        return LibraryFixture.sha256(Integer.toString(n).getBytes(StandardCharsets.UTF_8));
    }
}
