package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_HOUR_COUNT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * The fast counts of defined sequences (whole hours from {@code frame_hour_count}, partial hours and ingest's night
 * verdicts in partial indexes) and their pages agree with judging every frame by hand, whatever happened to the
 * frames: seeded random libraries of synced and imported frames, many on the edges of hours, rejected and restored,
 * ingested and ingested again, some deleted — then random rules counted and listed both ways.
 */
class DaylightCountsTest {
    private static final GeoPosition GENEVA = GeoPosition.of(46.2, 6.15);
    private static final Instant START = Instant.parse("2024-06-19T00:00:00Z");
    private static final long SPAN_MS = Duration.ofDays(4).toMillis();
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final double[] TIMES = {1 / 2000.0, 1 / 250.0, 1 / 60.0, 1 / 8.0, 1, 8, 30};
    private static final double[] APERTURES = {1.8, 2.8, 4, 8, 16};
    private static final int[] ISOS = {100, 400, 1600, 6400};

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    private Random random;
    private final RandomFrames frames = new RandomFrames(fixture, this::randomTime);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void countsAndPagesOfDefinedSequencesMatchJudgingEveryFrameByHand(long seed) {
        random = new Random(seed);
        fixture.addCamera("sunny");
        fixture.cameras().locate("sunny", Optional.of(GENEVA));
        fixture.addCamera("dark");
        long located = fixture.sequences().streamOf("sunny").orElseThrow().id();
        long unlocated = fixture.sequences().streamOf("dark").orElseThrow().id();
        long card = fixture.sequences().createImport("card").id();
        List<Long> sources = List.of(located, unlocated, card);

        for (int round = 0; round < 5; round++) {
            frames.sync("sunny", 40);
            frames.sync("dark", 40);
            frames.importFrames(card, 15);
            List<Long> ids = frames.allIds(sources);
            ingest(pick(ids, 0.4));
            pick(ids, 0.15).forEach(fixture.frames()::reject);
            pick(ids, 0.1).forEach(fixture.frames()::restore);
            delete(pick(ids, 0.05));
        }
        assertHourCountsAreTheFramesGrouped();

        Map<Long, Optional<GeoPosition>> locations = Map.of(located, Optional.of(GENEVA), unlocated, Optional.empty(),
                card, Optional.empty());
        for (int n = 0; n < 30; n++) {
            SequenceDefinition definition = randomDefinition(sources);
            long id = fixture.sequences().define("rules " + n, definition).id();
            List<Long> byHand = byHand(definition, locations);
            assertThat(fixture.frames().countInSequence(id)).as("count of %s", definition).isEqualTo(byHand.size());
            assertThat(listed(id, 1 + random.nextInt(40))).as("frames of %s", definition).isEqualTo(byHand);
        }
    }

    /** Anywhere in four days, or (one in three) on the edge of an hour, a millisecond either side or on it. */
    private Instant randomTime() {
        long offset = (long) (random.nextDouble() * SPAN_MS);
        if (random.nextInt(3) == 0) {
            offset = offset / HOUR_MS * HOUR_MS + random.nextInt(3) - 1;
        }
        return START.plusMillis(Math.max(0, offset));
    }

    /** Ingest results, some with exposure data and some without, some frames ingested again with other values. */
    private void ingest(List<Long> frames) {
        Map<Long, FrameAnalysis> results = new HashMap<>();
        for (long frame : frames) {
            Exposure exposure = random.nextInt(3) == 0 ? Exposure.UNKNOWN
                    : Exposure.of(TIMES[random.nextInt(TIMES.length)], APERTURES[random.nextInt(APERTURES.length)],
                            ISOS[random.nextInt(ISOS.length)]);
            results.put(frame, new FrameAnalysis(random.nextDouble() * 255, new int[FrameAnalysis.BINS], exposure,
                    640, 480, Optional.empty()));
        }
        fixture.frames().recordIngest(results);
    }

    /** There is no deleting of frames in the library yet; the triggers must keep the counts right when there is. */
    private void delete(List<Long> frames) {
        fixture.library().write(sql -> sql.deleteFrom(FRAME)
                .where(FRAME.ID.in(frames.stream().map(JooqFrames::key).toList())).execute());
    }

    private List<Long> pick(List<Long> ids, double share) {
        return ids.stream().filter(id -> random.nextDouble() < share).toList();
    }

    private SequenceDefinition randomDefinition(List<Long> sources) {
        List<Long> chosen = new ArrayList<>(sources.stream().filter(s -> random.nextBoolean()).toList());
        if (chosen.isEmpty()) {
            chosen.add(sources.get(random.nextInt(sources.size())));
        }
        Optional<Instant> from = randomBound();
        Optional<Instant> to = randomBound();
        if (from.isPresent() && to.isPresent()) {
            if (from.get().equals(to.get())) {
                to = Optional.of(to.get().plusMillis(1));
            } else if (to.get().isBefore(from.get())) {
                Optional<Instant> swap = from;
                from = to;
                to = swap;
            }
        }
        return new SequenceDefinition(chosen, from, to, 1 + random.nextInt(3), random.nextBoolean(),
                random.nextInt(4) == 0);
    }

    /** Open, on the edge of an hour, or anywhere. */
    private Optional<Instant> randomBound() {
        return switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(START.plusMillis(random.nextInt((int) (SPAN_MS / HOUR_MS)) * HOUR_MS
                    + random.nextInt(3) - 1));
            default -> Optional.of(START.plusMillis((long) (random.nextDouble() * SPAN_MS)));
        };
    }

    /** The rules applied to every frame of the sources, one by one. */
    private List<Long> byHand(SequenceDefinition definition, Map<Long, Optional<GeoPosition>> locations) {
        List<Frame> candidates = new ArrayList<>();
        for (long source : definition.sources()) {
            for (Frame frame : frames.listed(source)) {
                if (definition.range().contains(frame.capturedAt()) && (definition.includeRejected() || !frame.rejected())
                        && (!definition.daytimeOnly() || Daylight.of(frame, locations.get(source)).kept())) {
                    candidates.add(frame);
                }
            }
        }
        candidates.sort(Comparator.comparing(Frame::capturedAt).thenComparing(Frame::id));
        List<Long> selected = new ArrayList<>();
        for (int n = 0; n < candidates.size(); n += definition.every()) {
            selected.add(candidates.get(n).id());
        }
        return selected;
    }

    private List<Long> listed(long sequence, int pageSize) {
        List<Long> ids = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            Page page = fixture.frames().ofSequence(sequence, after, pageSize);
            page.frames().forEach(frame -> ids.add(frame.id()));
            after = page.next();
        } while (after.isPresent());
        return ids;
    }

    /** The triggers' hourly counts are exactly the frames grouped by hour, rejection and night verdict. */
    private void assertHourCountsAreTheFramesGrouped() {
        var hour = FRAME.CAPTURED_AT.div(HOUR_MS);
        Set<String> kept = fixture.library().read(sql -> new TreeSet<String>(sql.select(FRAME_HOUR_COUNT.ORIGIN_SEQUENCE_ID,
                        FRAME_HOUR_COUNT.HOUR, FRAME_HOUR_COUNT.REJECTED, FRAME_HOUR_COUNT.JUDGED_NIGHT,
                        FRAME_HOUR_COUNT.FRAMES)
                .from(FRAME_HOUR_COUNT).where(FRAME_HOUR_COUNT.FRAMES.ne(0L)).fetch(row -> row.formatCSV(false))));
        Set<String> grouped = fixture.library().read(sql -> new TreeSet<String>(sql.select(FRAME.ORIGIN_SEQUENCE_ID, hour,
                        FRAME.REJECTED, FRAME.JUDGED_NIGHT, DSL.count().cast(Long.class))
                .from(FRAME).groupBy(FRAME.ORIGIN_SEQUENCE_ID, hour, FRAME.REJECTED, FRAME.JUDGED_NIGHT)
                .fetch(row -> row.formatCSV(false))));
        assertThat(kept).isNotEmpty().isEqualTo(grouped);
    }
}
