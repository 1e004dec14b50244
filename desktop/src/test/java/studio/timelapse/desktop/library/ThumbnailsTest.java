package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_THUMBNAIL;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thumbnails are kept under their frame's origin and capture time (V41), so they must follow the frame whatever
 * happens to it: seeded random libraries of synced and imported frames, many in one millisecond, ingested and ingested
 * again with other thumbnails, rejected and restored, some deleted (and their ids given again to new frames), some
 * moved in time or to another origin — then every frame's thumbnail is the last one ingest gave it, and no thumbnail
 * lies anywhere but under its frame.
 */
class ThumbnailsTest {
    private static final Instant START = Instant.parse("2024-06-19T00:00:00Z");

    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    private Random random;
    private final RandomFrames frames = new RandomFrames(fixture, this::randomTime);
    private final Map<Long, byte[]> expected = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyFramesThumbnailIsTheLastIngestGaveItAndLiesUnderItsPosition(long seed) {
        random = new Random(seed);
        fixture.addCamera("one");
        fixture.addCamera("two");
        long card = fixture.sequences().createImport("card").id();
        List<Long> sources = List.of(fixture.sequences().streamOf("one").orElseThrow().id(),
                fixture.sequences().streamOf("two").orElseThrow().id(), card);

        for (int round = 0; round < 5; round++) {
            frames.sync("one", 30);
            frames.sync("two", 30);
            frames.importFrames(card, 10);
            List<Long> ids = frames.allIds(sources);
            ingest(pick(ids, 0.5));
            pick(ids, 0.1).forEach(fixture.frames()::reject);
            pick(ids, 0.05).forEach(fixture.frames()::restore);
            move(pick(ids, 0.05), sources);
            delete(pick(ids, 0.1));
        }

        List<Long> ids = frames.allIds(sources);
        Map<Long, Thumbnail> thumbnails = fixture.frames().thumbnails(ids);
        assertThat(thumbnails.keySet()).isEqualTo(expected.keySet());
        thumbnails.forEach((id, thumbnail) -> assertThat(thumbnail.jpeg()).as("frame %d", id)
                .isEqualTo(expected.get(id)));
        ids.forEach(id -> assertThat(fixture.frames().thumbnail(id).map(Thumbnail::jpeg).orElse(null))
                .as("frame %d alone", id).isEqualTo(expected.get(id)));
        assertEveryThumbnailLiesUnderItsFramesPosition(fixture);
    }

    /** Every thumbnail row is keyed by a frame's own origin and capture time: none is lost or left behind. */
    static void assertEveryThumbnailLiesUnderItsFramesPosition(LibraryFixture fixture) {
        Set<String> rows = fixture.library().read(sql -> new TreeSet<>(sql.select(FRAME_THUMBNAIL.FRAME_ID,
                FRAME_THUMBNAIL.ORIGIN_SEQUENCE_ID, FRAME_THUMBNAIL.CAPTURED_AT).from(FRAME_THUMBNAIL)
                .fetch(row -> row.formatCSV(false))));
        Set<String> frames = fixture.library().read(sql -> new TreeSet<>(sql.select(FRAME.ID, FRAME.ORIGIN_SEQUENCE_ID,
                FRAME.CAPTURED_AT).from(FRAME).join(FRAME_THUMBNAIL).on(FRAME_THUMBNAIL.FRAME_ID.eq(FRAME.ID))
                .fetch(row -> row.formatCSV(false))));
        assertThat(rows).isEqualTo(frames);
    }

    /** Within a minute, to the second: frames of one millisecond are common. */
    private Instant randomTime() {
        return START.plusSeconds(random.nextInt(60));
    }

    /** Ingest results, most with a thumbnail of their own bytes; a result without one keeps the earlier thumbnail. */
    private void ingest(List<Long> frames) {
        Map<Long, FrameAnalysis> results = new HashMap<>();
        for (long frame : frames) {
            Optional<Thumbnail> thumbnail = Optional.empty();
            if (random.nextInt(5) != 0) {
                byte[] jpeg = new byte[1 + random.nextInt(9000)];
                random.nextBytes(jpeg);
                thumbnail = Optional.of(new Thumbnail(320, 180, jpeg));
                expected.put(frame, jpeg);
            }
            results.put(frame, new FrameAnalysis(random.nextDouble() * 255, new int[FrameAnalysis.BINS],
                    Exposure.UNKNOWN, 640, 480, thumbnail));
        }
        fixture.frames().recordIngest(results);
    }

    /** There is no moving of frames in the library yet; the triggers must keep the thumbnails with them when there is. */
    private void move(List<Long> frames, List<Long> sources) {
        fixture.library().write(sql -> {
            for (long frame : frames) {
                var update = sql.update(FRAME).set(FRAME.CAPTURED_AT,
                        FRAME.CAPTURED_AT.plus(Duration.ofSeconds(random.nextInt(3) - 1).toMillis()));
                if (random.nextBoolean()) {
                    update = update.set(FRAME.ORIGIN_SEQUENCE_ID,
                            JooqFrames.key(sources.get(random.nextInt(sources.size()))));
                }
                update.where(FRAME.ID.eq(JooqFrames.key(frame))).execute();
            }
            return null;
        });
    }

    /** There is no deleting of frames in the library yet; the triggers must keep the thumbnails right when there is. */
    private void delete(List<Long> frames) {
        fixture.library().write(sql -> sql.deleteFrom(FRAME)
                .where(FRAME.ID.in(frames.stream().map(JooqFrames::key).toList())).execute());
        frames.forEach(expected::remove);
    }

    private List<Long> pick(List<Long> ids, double share) {
        return ids.stream().filter(id -> random.nextDouble() < share).toList();
    }
}
