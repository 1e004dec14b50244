package studio.timelapse.desktop.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.library.Daylight;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.desktop.ui.StudioSession;
import studio.timelapse.desktop.ui.TestFrames;
import studio.timelapse.desktop.ui.TestStudio;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.job.JobState;

/** The Library screen's view-model over a real library with real JPEG frames, ingested by the real ingest job. */
class LibraryViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Instant DAWN = Instant.parse("2026-06-21T04:00:00Z");

    @TempDir
    Path home;

    private StudioSession session;
    private LibraryViewModel library;
    private List<Long> ids;
    private final List<Path> imported = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        session = TestStudio.open(home, Clock.systemUTC());
        ids = TestFrames.day(session.library(), "north", 40, DAWN, Duration.ofMinutes(24));
        long ingest = session.ingestEverything().id();
        assertThat(session.jobs().awaitFinished(ingest, WAIT).state()).isEqualTo(JobState.SUCCEEDED);
        library = new LibraryViewModel(session.library(), session.sequences(), session.tracker(),
                new UiWork(session.log(), Runnable::run, Runnable::run), uuid -> { }, imported::add, ZONE);
        library.refreshSequences();
    }

    @AfterEach
    void close() throws Exception {
        library.close();
        session.close();
    }

    @Test
    void theCamerasStreamIsListedAndItsFramesLoadInCaptureOrder() {
        assertThat(library.sequences()).extracting(SequenceItem::name, SequenceItem::kind, SequenceItem::frames)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("north", SequenceKind.CAMERA, 40L));
        assertThat(library.selectedSequenceProperty().get().name()).isEqualTo("north");

        FrameStrip strip = library.strip();
        assertThat(strip.size()).isEqualTo(40);
        for (int i = 0; i < 40; i++) {
            assertThat(strip.id(i)).isEqualTo(ids.get(i));
        }
        assertThat(library.framesStatusProperty().get()).isEqualTo("40 frames");
        assertThat(library.currentProperty().get()).isZero();
    }

    @Test
    void theTimelineHasTheMeasuredLuminanceCurveWithNightAtTheEndsAndDayBetween() {
        FrameStrip strip = library.strip();
        float first = strip.meanLuma(0);
        float noon = strip.meanLuma(20);
        assertThat(first).isLessThan(40f);
        assertThat(noon).isGreaterThan(120f);
        assertThat(strip.daylight(0)).isEqualTo(Daylight.Verdict.NIGHT);
        assertThat(strip.daylight(20)).isEqualTo(Daylight.Verdict.DAY);
        // The camera has no location and the frames no exposure data: each frame's own brightness decides, and the
        // timeline says so.
        assertThat(strip.daylightBasis(0)).isEqualTo(Daylight.Basis.PICTURE_BRIGHTNESS);
        assertThat(library.daylightRuleProperty().get()).isEqualTo(
                "Day and night by each frame's brightness (no location, no exposure data)");
    }

    @Test
    void theGridHasTheSequencesFullSizeAtOnceAndPagesFillItInTheBackground() throws Exception {
        Deque<Runnable> background = new ArrayDeque<>();
        LibraryViewModel paged = new LibraryViewModel(session.library(), session.sequences(), session.tracker(),
                new UiWork(session.log(), background::add, Runnable::run), uuid -> { }, imported::add, ZONE);
        try {
            paged.refreshSequences();
            runAll(background);
            assertThat(paged.selectedSequenceProperty().get().name()).isEqualTo("north");
            paged.selectedSequenceProperty().set(null);
            paged.selectedSequenceProperty().set(paged.sequences().get(0));

            assertThat(paged.gridSizeProperty().get()).as("cells for every frame before any is read").isEqualTo(40);
            assertThat(paged.frameCountProperty().get()).isZero();
            assertThat(paged.loadingFramesProperty().get()).isTrue();

            runAll(background);
            assertThat(paged.frameCountProperty().get()).isEqualTo(40);
            assertThat(paged.gridSizeProperty().get()).isEqualTo(40);
            assertThat(paged.loadingFramesProperty().get()).isFalse();
        } finally {
            paged.close();
        }
    }

    private static void runAll(Deque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    @Test
    void theViewerShowsCaptureDataAndExifOfTheCurrentFrame() {
        library.show(20);

        FrameDetail detail = library.detailProperty().get().orElseThrow();
        assertThat(detail.frameId()).isEqualTo(ids.get(20));
        assertThat(detail.capture()).contains(new FrameDetail.Field("Captured", "2026-06-21 12:00:00 (UTC+00:00)"),
                new FrameDetail.Field("Camera", "north"), new FrameDetail.Field("On the camera", "e1 #21"),
                new FrameDetail.Field("Daylight", "day"), new FrameDetail.Field("Rejected", "no"));
        assertThat(detail.capture()).extracting(FrameDetail.Field::name).contains("Mean luminance", "SHA-256");
        assertThat(detail.exif()).extracting(FrameDetail.Field::name).contains("Image Height", "Image Width");
        assertThat(detail.image().thumbnail()).isPresent();
        assertThat(detail.file()).exists();
    }

    @Test
    void arrowsMoveWithinTheStripAndPlayingStopsAtTheLastFrame() {
        library.move(-1);
        assertThat(library.currentProperty().get()).isZero();
        library.move(7);
        assertThat(library.currentProperty().get()).isEqualTo(7);
        library.move(1_000);
        assertThat(library.currentProperty().get()).isEqualTo(39);

        library.togglePlay();
        assertThat(library.playingProperty().get()).as("playing at the end starts again").isTrue();
        assertThat(library.currentProperty().get()).isZero();
        for (int i = 0; i < 45; i++) {
            library.playTick();
        }
        assertThat(library.currentProperty().get()).isEqualTo(39);
        assertThat(library.playingProperty().get()).isFalse();
    }

    @Test
    void rejectingAFrameMarksItAndLeavesItOutOfDefinedSequencesUntilRestored() {
        library.show(5);

        library.toggleReject();

        assertThat(library.strip().rejected(5)).isTrue();
        assertThat(Frames.of(session.library()).find(ids.get(5)).orElseThrow().rejected()).isTrue();
        assertThat(library.detailProperty().get().orElseThrow().rejected()).isTrue();
        library.defineSequence();
        DefineSequenceViewModel define = library.definingProperty().get().orElseThrow();
        define.nameProperty().set("All but rejected");
        define.define();
        assertThat(library.sequences()).extracting(SequenceItem::name, SequenceItem::frames)
                .contains(org.assertj.core.groups.Tuple.tuple("All but rejected", 39L));

        library.selectedSequenceProperty().set(library.sequences().stream()
                .filter(s -> s.name().equals("north")).findFirst().orElseThrow());
        library.show(5);
        library.toggleReject();
        assertThat(library.strip().rejected(5)).isFalse();
        assertThat(Frames.of(session.library()).find(ids.get(5)).orElseThrow().rejected()).isFalse();
    }

    @Test
    void aDefinedSequenceTakesEveryNthDaytimeFrameOfItsRange() {
        library.defineSequence();
        DefineSequenceViewModel define = library.definingProperty().get().orElseThrow();
        define.nameProperty().set("Noon hours");
        define.fromDayProperty().set(LocalDate.of(2026, 6, 21));
        define.fromTimeProperty().set("08:00");
        define.toDayProperty().set(LocalDate.of(2026, 6, 21));
        define.toTimeProperty().set("16:00");
        define.everyProperty().set(2);
        define.daytimeOnlyProperty().set(true);

        define.define();

        assertThat(library.definingProperty().get()).isEmpty();
        SequenceItem noon = library.sequences().stream().filter(s -> s.name().equals("Noon hours")).findFirst()
                .orElseThrow();
        assertThat(noon.kind()).isEqualTo(SequenceKind.DEFINED);
        library.selectedSequenceProperty().set(noon);
        FrameStrip strip = library.strip();
        // Frames from 08:00 to 16:00, 24 minutes apart: 08:00 is frame 10, 15:36 is frame 29; every 2nd of those.
        assertThat(strip.size()).isEqualTo(10);
        assertThat(strip.id(0)).isEqualTo(ids.get(10));
        assertThat(strip.id(1)).isEqualTo(ids.get(12));
        for (int i = 0; i < strip.size(); i++) {
            assertThat(strip.daylight(i)).isEqualTo(Daylight.Verdict.DAY);
        }
    }

    @Test
    void mistakesInADefinitionAreShownNextToTheirFields() {
        library.defineSequence();
        DefineSequenceViewModel define = library.definingProperty().get().orElseThrow();
        define.sources().forEach(source -> source.chosenProperty().set(false));
        define.fromDayProperty().set(LocalDate.of(2026, 6, 22));
        define.toDayProperty().set(LocalDate.of(2026, 6, 21));
        define.toTimeProperty().set("25:99");

        define.define();
        assertThat(define.errors()).containsOnlyKeys(DefineSequenceViewModel.TO);

        define.toTimeProperty().set("");
        define.define();
        assertThat(define.errors()).containsOnlyKeys(DefineSequenceViewModel.NAME, DefineSequenceViewModel.SOURCES,
                DefineSequenceViewModel.TO);
        assertThat(library.definingProperty().get()).isPresent();
    }

    @Test
    void thumbnailsComeFromTheLibraryInTheBackground() throws Exception {
        byte[] jpeg = library.thumbnails().thumbnail(ids.get(3)).get().jpeg().orElseThrow();

        assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
    }
}
