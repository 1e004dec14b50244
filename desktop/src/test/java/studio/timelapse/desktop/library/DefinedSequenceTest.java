package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

class DefinedSequenceTest {
    /** Geneva, where the sun rises about 03:45 and sets about 19:30 UTC on the longest day. */
    private static final GeoPosition GENEVA = GeoPosition.of(46.2, 6.15);
    private static final Instant MIDNIGHT = Instant.parse("2024-06-21T00:00:00Z");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    /** One frame an hour for {@code days} days, sequence numbers from 1. */
    private long hourly(String cameraId, int days) {
        fixture.addCamera(cameraId);
        List<NewCameraFrame> batch = new ArrayList<>();
        for (int hour = 0; hour < 24 * days; hour++) {
            batch.add(frame(cameraId, hour + 1, MIDNIGHT.plus(Duration.ofHours(hour))));
        }
        fixture.frames().storeSynced(cameraId, batch, new FrameId("e1", batch.size()));
        return fixture.sequences().streamOf(cameraId).orElseThrow().id();
    }

    private static NewCameraFrame frame(String cameraId, long seq, Instant at) {
        return new NewCameraFrame(new FrameId("e1", seq), at, 0, LibraryFixture.sha256((cameraId + seq).getBytes()),
                1, 0, 0, "frames/" + cameraId + "/e1-" + seq + ".jpg");
    }

    private List<Frame> all(long sequenceId, int pageSize) {
        List<Frame> frames = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            Page page = fixture.frames().ofSequence(sequenceId, after, pageSize);
            frames.addAll(page.frames());
            after = page.next();
        } while (after.isPresent());
        return frames;
    }

    private static List<Long> hours(List<Frame> frames) {
        return frames.stream().map(f -> Duration.between(MIDNIGHT, f.capturedAt()).toHours()).toList();
    }

    @Test
    void aTimeRangeMaySpanDays() {
        long stream = hourly("cam-1", 3);
        Sequence defined = fixture.sequences().define("across midnight", SequenceDefinition.of(List.of(stream))
                .between(MIDNIGHT.plus(Duration.ofHours(22)), MIDNIGHT.plus(Duration.ofHours(50))));
        assertThat(hours(all(defined.id(), 5))).containsExactlyElementsOf(range(22, 50, 1));
    }

    @Test
    void everyNthFrameCountsFromTheFirstAndAcrossPages() {
        long stream = hourly("cam-1", 2);
        Sequence defined = fixture.sequences().define("every 5th", SequenceDefinition.of(List.of(stream)).everyNth(5));
        List<Long> expected = range(0, 48, 5);
        assertThat(hours(all(defined.id(), 1))).containsExactlyElementsOf(expected);
        assertThat(hours(all(defined.id(), 3))).containsExactlyElementsOf(expected);
        assertThat(hours(all(defined.id(), 100))).containsExactlyElementsOf(expected);
    }

    @Test
    void rejectedFramesAreLeftOutUnlessIncludedAndDoNotCountForEveryNth() {
        long stream = hourly("cam-1", 1);
        Page firstHours = fixture.frames().ofSequence(stream, Optional.empty(), 3);
        fixture.frames().reject(firstHours.frames().get(1).id()); // hour 1
        Sequence without = fixture.sequences().define("clean", SequenceDefinition.of(List.of(stream)).everyNth(2));
        Sequence with = fixture.sequences().define("raw", SequenceDefinition.of(List.of(stream)).everyNth(2)
                .rejected(true));
        assertThat(hours(all(without.id(), 4))).startsWith(0L, 3L, 5L, 7L);
        assertThat(hours(all(with.id(), 4))).startsWith(0L, 2L, 4L, 6L);
        assertThat(all(fixture.sequences().streamOf("cam-1").orElseThrow().id(), 50)).hasSize(24);
    }

    @Test
    void severalCamerasMergeInCaptureOrder() {
        long one = hourly("cam-1", 1);
        fixture.addCamera("cam-2");
        List<NewCameraFrame> halfHours = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            halfHours.add(frame("cam-2", n + 1, MIDNIGHT.plus(Duration.ofMinutes(30 + 60L * n))));
        }
        fixture.frames().storeSynced("cam-2", halfHours, new FrameId("e1", 24));
        long two = fixture.sequences().streamOf("cam-2").orElseThrow().id();
        Sequence both = fixture.sequences().define("both", SequenceDefinition.of(List.of(one, two)));

        List<Frame> frames = all(both.id(), 7);
        assertThat(frames).hasSize(48);
        assertThat(frames).extracting(Frame::capturedAt).isSorted();
        assertThat(frames.get(0).cameraId()).contains("cam-1");
        assertThat(frames.get(1).cameraId()).contains("cam-2");
    }

    @Test
    void daytimeFollowsTheSunWhereTheCamerasLocationIsKnown() {
        long stream = hourly("cam-1", 2);
        fixture.cameras().locate("cam-1", Optional.of(GENEVA));
        Sequence day = fixture.sequences().define("days", SequenceDefinition.of(List.of(stream)).daytime(true));
        // Sunrise about 03:45 UTC, sunset about 19:30 UTC: full hours 04..19 are daylight, each day.
        List<Long> expected = new ArrayList<>(range(4, 20, 1));
        expected.addAll(range(28, 44, 1));
        assertThat(hours(all(day.id(), 6))).containsExactlyElementsOf(expected);
    }

    @Test
    void withoutALocationDaytimeIsJudgedFromIngestAndUnjudgedFramesAreKept() {
        long stream = hourly("cam-1", 1);
        List<Frame> frames = fixture.frames().ofSequence(stream, Optional.empty(), 24).frames();
        // Fixed exposure (no EXIF): brightness decides. Hour 2 dark, hour 12 bright, the rest not ingested yet.
        fixture.frames().recordIngest(frames.get(2).id(), analysis(5, Exposure.UNKNOWN));
        fixture.frames().recordIngest(frames.get(12).id(), analysis(140, Exposure.UNKNOWN));
        // Auto exposure: hour 3 looks as bright as noon, but took 10 s at ISO 800 (a night); hour 13 took 1/500 s.
        fixture.frames().recordIngest(frames.get(3).id(), analysis(120, Exposure.of(10, 2.0, 800)));
        fixture.frames().recordIngest(frames.get(13).id(), analysis(110, Exposure.of(1 / 500.0, 2.0, 100)));

        Sequence day = fixture.sequences().define("days", SequenceDefinition.of(List.of(stream)).daytime(true));
        List<Long> kept = hours(all(day.id(), 5));
        assertThat(kept).doesNotContain(2L, 3L).contains(12L, 13L).hasSize(22);
    }

    @Test
    void theCountIsHowManyFramesAreListedWhateverTheRules() {
        long located = hourly("cam-1", 3);
        fixture.cameras().locate("cam-1", Optional.of(GENEVA));
        long judged = hourly("cam-2", 3);
        List<Frame> some = fixture.frames().ofSequence(judged, Optional.empty(), 30).frames();
        fixture.frames().recordIngest(some.get(1).id(), analysis(3, Exposure.UNKNOWN));
        fixture.frames().recordIngest(some.get(13).id(), analysis(130, Exposure.UNKNOWN));
        fixture.frames().reject(some.get(14).id());
        Instant tenAm = MIDNIGHT.plus(Duration.ofHours(10));
        List<SequenceDefinition> definitions = List.of(
                SequenceDefinition.of(List.of(located, judged)),
                SequenceDefinition.of(List.of(located, judged)).everyNth(7).rejected(true),
                SequenceDefinition.of(List.of(located)).daytime(true),
                SequenceDefinition.of(List.of(located, judged)).daytime(true).everyNth(3),
                SequenceDefinition.of(List.of(located, judged)).daytime(true).between(tenAm, tenAm.plus(Duration.ofHours(30))),
                SequenceDefinition.of(List.of(judged)).daytime(true).between(tenAm, tenAm.plus(Duration.ofHours(30))));
        int n = 0;
        for (SequenceDefinition definition : definitions) {
            Sequence defined = fixture.sequences().define("rules " + n++, definition);
            assertThat(fixture.frames().countInSequence(defined.id())).as("%s", definition)
                    .isEqualTo(all(defined.id(), 4).size());
        }
    }

    @Test
    void aDaytimePageStartingAtNightContinuesAtTheNextSunrise() {
        long stream = hourly("cam-1", 3);
        fixture.cameras().locate("cam-1", Optional.of(GENEVA));
        Sequence day = fixture.sequences().define("days", SequenceDefinition.of(List.of(stream)).daytime(true)
                .between(MIDNIGHT.plus(Duration.ofHours(18)), MIDNIGHT.plus(Duration.ofHours(60))));
        // From 18:00 on the first day: 18 and 19 that evening, then 04..19 the next, then 04..11 on the third.
        List<Long> expected = new ArrayList<>(List.of(18L, 19L));
        expected.addAll(range(28, 44, 1));
        expected.addAll(range(52, 60, 1));
        assertThat(hours(all(day.id(), 5))).containsExactlyElementsOf(expected);
    }

    @Test
    void aDefinitionSurvivesTheDatabaseAsWritten() {
        long stream = hourly("cam-1", 1);
        SequenceDefinition definition = SequenceDefinition.of(List.of(stream))
                .between(MIDNIGHT, MIDNIGHT.plus(Duration.ofDays(2))).everyNth(3).daytime(true).rejected(true);
        Sequence defined = fixture.sequences().define("kept", definition);
        assertThat(fixture.sequences().find(defined.id()).orElseThrow().definition()).contains(definition);
        assertThat(SequenceDefinitionJson.write(definition)).contains("\"from\":\"2024-06-21T00:00:00Z\"");
    }

    @Test
    void badRulesAreRefusedAllAtOnce() {
        long stream = hourly("cam-1", 1);
        SequenceDefinition bad = new SequenceDefinition(List.of(stream, stream), Optional.of(MIDNIGHT),
                Optional.of(MIDNIGHT), 0, false, false);
        assertThatThrownBy(() -> fixture.sequences().define(" ", bad)).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.refusals()).extracting(Refusal::code).containsExactly("sequence.name_blank",
                        "sequence.duplicate_source", "sequence.every_not_positive", "sequence.range_empty"));
    }

    @Test
    void onlyCameraStreamsAndImportsCanBeSources() {
        long stream = hourly("cam-1", 1);
        Sequence defined = fixture.sequences().define("first", SequenceDefinition.of(List.of(stream)));
        assertThatThrownBy(() -> fixture.sequences().define("second", SequenceDefinition.of(List.of(defined.id(), 99L))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals())
                        .extracting(Refusal::reason).containsExactly(
                                "sequence " + defined.id() + " is itself defined by rules; only camera streams and"
                                        + " imports can be sources",
                                "there is no sequence 99"));
        assertThatThrownBy(() -> fixture.sequences().define("first", SequenceDefinition.of(List.of(stream))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals().get(0).kind())
                        .isEqualTo(Refusal.Kind.CONFLICT));
    }

    private static FrameAnalysis analysis(double luma, Exposure exposure) {
        return new FrameAnalysis(luma, new int[FrameAnalysis.BINS], exposure, 640, 480, Optional.empty());
    }

    private static List<Long> range(long fromInclusive, long toExclusive, long step) {
        List<Long> values = new ArrayList<>();
        for (long v = fromInclusive; v < toExclusive; v += step) {
            values.add(v);
        }
        return values;
    }
}
