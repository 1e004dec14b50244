package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Every query the common paths run on the frame table is a search of an index, never a scan of the table, and
 * never sorts: that is what keeps a library of a million frames fast. The queries are the real ones — recorded
 * while the repositories run — and SQLite's own planner says how it runs them.
 */
class QueryPlanTest {
    private static final Instant NOON = Instant.parse("2024-06-21T12:00:00Z");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private long importId;

    @BeforeEach
    void aLibraryWithCameraAndImportedFrames() throws Exception {
        fixture.addCamera("cam-1");
        fixture.addCamera("cam-2");
        List<NewCameraFrame> batch = new ArrayList<>();
        for (int seq = 1; seq <= 50; seq++) {
            batch.add(new NewCameraFrame(new FrameId("e1", seq), NOON.plusSeconds(seq), 0, FramesTest.sha(seq), 1, 0, 0,
                    "frames/cam-1/e1-" + seq + ".jpg"));
        }
        fixture.frames().storeSynced("cam-1", batch, new FrameId("e1", 50));
        importId = fixture.sequences().createImport("DCIM").id();
        fixture.importFrame(importId, "a.jpg", "a".getBytes(StandardCharsets.UTF_8), NOON);
        fixture.library().observeStatements(statements::add);
    }

    @Test
    void listingACamerasFramesInATimeRangeSearchesTheCameraTimeIndex() {
        Page first = fixture.frames().ofCamera("cam-1", CaptureRange.between(NOON, NOON.plusSeconds(30)),
                Optional.empty(), 10);
        fixture.frames().ofCamera("cam-1", CaptureRange.between(NOON, NOON.plusSeconds(30)), first.next(), 10);
        assertEveryFrameQuerySearches("frame_camera_time");
    }

    @Test
    void listingACameraStreamOrAnImportSearchesTheOriginTimeIndex() {
        long stream = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        Page first = fixture.frames().ofSequence(stream, Optional.empty(), 10);
        fixture.frames().ofSequence(stream, first.next(), 10);
        fixture.frames().ofSequence(importId, Optional.empty(), 10);
        assertEveryFrameQuerySearches("frame_origin_time");
    }

    @Test
    void resolvingADefinedSequenceSearchesTheOriginTimeIndexOfEachSource() {
        long one = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        long two = fixture.sequences().streamOf("cam-2").orElseThrow().id();
        Sequence defined = fixture.sequences().define("afternoon", SequenceDefinition.of(List.of(one, two, importId))
                .between(NOON.plusSeconds(5), NOON.plus(Duration.ofDays(3))).everyNth(3));
        statements.clear();
        Page first = fixture.frames().ofSequence(defined.id(), Optional.empty(), 5);
        fixture.frames().ofSequence(defined.id(), first.next(), 5);
        assertEveryFrameQuerySearches("frame_origin_kept_time");
    }

    @Test
    void aDaytimeSequenceWithoutALocationReadsIngestsVerdictsFromTheIndexOfKeptDayFrames() {
        long one = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        Sequence defined = fixture.sequences().define("by day", SequenceDefinition.of(List.of(one, importId))
                .everyNth(3).daytime(true));
        statements.clear();
        Page first = fixture.frames().ofSequence(defined.id(), Optional.empty(), 5);
        fixture.frames().ofSequence(defined.id(), first.next(), 5);
        assertEveryFrameQuerySearches("frame_origin_kept_day_time");
        assertThat(statements.stream().filter(sql -> sql.startsWith("select frame.id, frame.captured_at from frame"))
                .map(this::plan)).isNotEmpty().allSatisfy(plan -> assertThat(plan)
                        .anySatisfy(step -> assertThat(step).contains("COVERING INDEX frame_origin_kept_day_time")));
    }

    @Test
    void passingOverCandidatesReadsTheIndexAloneAndOnlyThePagesFramesFromTheTable() {
        long one = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        Sequence defined = fixture.sequences().define("every 3rd", SequenceDefinition.of(List.of(one, importId))
                .everyNth(3));
        statements.clear();
        fixture.frames().ofSequence(defined.id(), Optional.empty(), 5);
        assertEveryFrameQuerySearches("frame_origin_kept_time");
        assertThat(statements.stream().filter(sql -> sql.startsWith("select frame.id, frame.captured_at from frame"))
                .map(this::plan)).isNotEmpty().allSatisfy(plan -> assertThat(plan)
                        .anySatisfy(step -> assertThat(step).contains("COVERING INDEX frame_origin_kept_time")));
        assertThat(statements.stream().filter(sql -> sql.startsWith("select frame.id, frame.origin_sequence_id"))
                .map(this::plan)).singleElement().satisfies(plan -> assertThat(plan)
                        .containsExactly("SEARCH frame USING INTEGER PRIMARY KEY (rowid=?)"));
    }

    @Test
    void countingAStreamsOrTheLibrarysFramesReadsTheKeptCountsNotTheFrames() {
        assertThat(fixture.frames().countInOrigin(importId)).isEqualTo(1);
        assertThat(fixture.frames().count()).isEqualTo(51);
        assertThat(statements).noneSatisfy(sql -> assertThat(sql).containsPattern("\\bfrom frame\\b"));
        assertThat(statements).allSatisfy(sql -> assertThat(plan(sql)).allSatisfy(step -> assertThat(step)
                .satisfiesAnyOf(s -> assertThat(s).startsWith("SEARCH frame_count USING INTEGER PRIMARY KEY"),
                        s -> assertThat(s).isEqualTo("SCAN frame_count"))));
    }

    @Test
    void countingADefinedSequenceCountsInTheOriginTimeIndex() {
        long one = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        Sequence defined = fixture.sequences().define("noon", SequenceDefinition.of(List.of(one, importId))
                .between(NOON.plusSeconds(5), NOON.plusSeconds(20)).everyNth(2));
        statements.clear();
        assertThat(fixture.frames().countInSequence(defined.id())).isEqualTo(8);
        assertEveryFrameQuerySearches("COVERING INDEX frame_origin_kept_time");
    }

    @Test
    void countingADefinedSequenceOverDaysReadsHourlyCountsAndCountsOnlyPartialHoursInTheIndex() {
        long one = fixture.sequences().streamOf("cam-1").orElseThrow().id();
        Sequence days = fixture.sequences().define("days", SequenceDefinition.of(List.of(one, importId))
                .between(NOON.minusSeconds(1800), NOON.plus(Duration.ofDays(2)).plusSeconds(30)));
        Sequence byDay = fixture.sequences().define("days by day", SequenceDefinition.of(List.of(one, importId))
                .between(NOON.minusSeconds(1800), NOON.plus(Duration.ofDays(2))).daytime(true));
        fixture.cameras().locate("cam-2", Optional.of(GeoPosition.of(46.2, 6.15)));
        List<NewCameraFrame> hourly = new ArrayList<>();
        for (int hour = 1; hour <= 72; hour++) {
            hourly.add(new NewCameraFrame(new FrameId("e2", hour), NOON.plus(Duration.ofHours(hour)), 0,
                    FramesTest.sha(1000 + hour), 1, 0, 0, "frames/cam-2/e2-" + hour + ".jpg"));
        }
        fixture.frames().storeSynced("cam-2", hourly, new FrameId("e2", 72));
        long two = fixture.sequences().streamOf("cam-2").orElseThrow().id();
        Sequence located = fixture.sequences().define("located by day", SequenceDefinition.of(List.of(two))
                .daytime(true));
        statements.clear();
        assertThat(fixture.frames().countInSequence(days.id())).isEqualTo(51);
        assertEveryFrameQuerySearches("COVERING INDEX frame_origin_kept_time");
        statements.clear();
        assertThat(fixture.frames().countInSequence(byDay.id())).isEqualTo(51);
        assertEveryFrameQuerySearches("COVERING INDEX frame_origin_kept_day_time");
        statements.clear();
        assertThat(fixture.frames().countInSequence(located.id())).isEqualTo(48);
        assertThat(statements).as("a few statements, however many days").hasSizeLessThanOrEqualTo(8);
        assertEveryFrameQuerySearches("COVERING INDEX frame_origin_kept_time");
        assertThat(statements.stream().filter(sql -> sql.contains("from frame_hour_count")).map(this::plan))
                .isNotEmpty().allSatisfy(plan -> assertThat(plan).singleElement().asString()
                        .startsWith("SEARCH frame_hour_count USING PRIMARY KEY (origin_sequence_id=? AND hour>? AND hour<?)"));
    }

    @Test
    void findingAFrameByItsCameraIdentityOrContentUsesTheUniqueIndexes() {
        fixture.frames().findCameraFrame("cam-1", new FrameId("e1", 7));
        fixture.frames().insertCameraFrame("cam-1", new NewCameraFrame(new FrameId("e1", 7), NOON, 0, FramesTest.sha(7),
                1, 0, 0, "frames/cam-1/e1-7.jpg"));
        assertEveryFrameQuerySearches("frame_camera_epoch_seq");
        statements.clear();
        fixture.frames().findImported(LibraryFixture.sha256("a".getBytes(StandardCharsets.UTF_8)));
        assertEveryFrameQuerySearches("frame_imported_content");
    }

    @Test
    void findingWorkForIngestReadsOnlyItsPartialIndexOfFramesNotIngested() {
        fixture.frames().notIngested(100);
        assertThat(statements).hasSize(1);
        assertThat(plan(statements.get(0))).containsExactly("SCAN frame USING INDEX frame_not_ingested");
    }

    @Test
    void aPageOfThumbnailsIsLookedUpByEachFramesPositionInTheThumbnailsOwnOrder() {
        fixture.frames().thumbnails(List.of(1L, 2L, 3L));
        assertThat(statements).singleElement().asString().contains("frame_thumbnail");
        assertThat(plan(statements.get(0))).containsExactly("SEARCH frame USING INTEGER PRIMARY KEY (rowid=?)",
                "SEARCH frame_thumbnail USING PRIMARY KEY (origin_sequence_id=? AND captured_at=? AND frame_id=?)");
    }

    /**
     * Every query of the frame table searches (an index or the primary key; nothing is scanned or sorted), and the
     * range queries among them use {@code index}.
     */
    private void assertEveryFrameQuerySearches(String index) {
        List<String> frameQueries = statements.stream()
                .filter(sql -> sql.startsWith("select") && sql.matches("(?s).*\\bfrom frame\\b.*")).toList();
        assertThat(frameQueries).as("queries of the frame table among %s", statements).isNotEmpty();
        List<String> steps = new ArrayList<>();
        for (String sql : frameQueries) {
            // The parts of a UNION ALL of range counts are searches of their own.
            List<String> plan = plan(sql).stream()
                    .filter(step -> !List.of("COMPOUND QUERY", "LEFT-MOST SUBQUERY", "UNION ALL").contains(step))
                    .toList();
            assertThat(plan).as("plan of %s", sql)
                    .allSatisfy(step -> assertThat(step).startsWith("SEARCH"))
                    .noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
            steps.addAll(plan);
        }
        assertThat(steps).anySatisfy(step -> assertThat(step).contains(index.contains("INDEX ") ? index : "INDEX " + index));
    }

    private List<String> plan(String sql) {
        return fixture.library().database().read(connection -> {
            List<String> steps = new ArrayList<>();
            try (var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                    var rows = statement.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            }
            return steps;
        });
    }
}
