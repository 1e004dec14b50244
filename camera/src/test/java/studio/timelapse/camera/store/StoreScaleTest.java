package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;

/**
 * A Pi holds 100,000 frames and more after weeks offline. With thousands of rows, every common query is answered from
 * the primary key or an index (SQLite's planner says so, whatever the timing), and the counts stay exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreScaleTest {
    private static final int FRAMES = 3000;

    StoreFixture fixture;
    String epoch;

    /** One store of thousands of rows (index only: the queries never touch the files), read by the tests. */
    @BeforeAll
    void storeWithThousandsOfRows(@TempDir Path home) throws IOException {
        fixture = filled(home);
        epoch = fixture.store.epoch();
    }

    @AfterAll
    void closeStore() throws IOException {
        fixture.close();
    }

    private static StoreFixture filled(Path home) throws IOException {
        StoreFixture filled = new StoreFixture(home);
        String epoch = filled.store.epoch();
        FrameRows rows = new FrameRows();
        filled.db.write(connection -> {
            for (long sequence = 1; sequence <= FRAMES; sequence++) {
                rows.insert(connection, row(epoch, sequence));
                rows.advanceSequence(connection, sequence - 1);
            }
            return null;
        });
        return filled;
    }

    private static StoredFrame row(String epoch, long sequence) {
        Instant at = StoreFixture.START.plusSeconds(10 * sequence);
        String sha = String.format("%064x", sequence);
        FrameInfo info = new FrameInfo(new FrameId(epoch, sequence), at, 3600, 1000 + sequence % 7, sha, 32, 32,
                Map.of("iso", 100), false);
        return new StoredFrame(info, "2026/03/01/" + StoreLayout.fileName(info.id()), Optional.empty(),
                Optional.of(at), at, Optional.empty(), false, Optional.empty());
    }

    /**
     * Each query and the index search it must be: more than the epoch (which every row shares) narrows it, or, for
     * the latest frame, the key's order with nothing to sort, so that the search stops at the first row.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PAGE            | USING PRIMARY KEY (epoch=? AND sequence>?)",
        "FIND            | USING PRIMARY KEY (epoch=? AND sequence=?)",
        "LATEST          | USING PRIMARY KEY (epoch=?)",
        "OLDEST_IN_STATE | USING INDEX frame_by_sync_state (epoch=? AND sync_state=?)",
        "DELETING        | USING INDEX frame_deleting (epoch=?)",
        "MISSING_COUNT   | USING INDEX frame_missing (epoch=?)",
        "ACKNOWLEDGE     | USING PRIMARY KEY (epoch=? AND sequence>? AND sequence<?)"})
    void commonQueriesSearchAnIndexInsteadOfScanningTheTable(String query, String search) throws Exception {
        String sql = (String) FrameRows.class.getDeclaredField(query).get(null);

        List<String> plan = fixture.db.read(connection -> plan(connection, sql));

        assertThat(plan).as(sql).containsExactly("SEARCH frame " + search);
    }

    @Test
    void pagingThroughThousandsOfFramesMissesNoneAndRepeatsNone() {
        List<Long> sequences = new ArrayList<>();
        Optional<FrameId> cursor = Optional.empty();
        do {
            FramePage page = fixture.store.after(cursor, FrameStore.MAX_PAGE);
            page.frames().forEach(f -> sequences.add(f.id().sequence()));
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, FRAMES).boxed().toList());
    }

    @Test
    void countsKeptByTriggersMatchCountingEveryRow(@TempDir Path home) throws IOException {
        try (StoreFixture changed = filled(home)) {
            String its = changed.store.epoch();
            changed.store.acknowledge(new Acknowledgement(its, 1, 1200));
            changed.store.acknowledge(new Acknowledgement(its, 1000, 2500));
            changed.store.acknowledge(new Acknowledgement(its, 2800, 2801));
            changed.db.write(connection -> {
                FrameRows rows = new FrameRows();
                List<FrameId> gone = LongStream.rangeClosed(1, 300).mapToObj(s -> new FrameId(its, s)).toList();
                rows.markDeleting(connection, gone);
                rows.delete(connection, gone);
                return null;
            });

            StoreStats stats = changed.store.stats();

            long[] counted = changed.db.read(StoreScaleTest::countEveryRow);
            assertThat(new long[] {stats.unsyncedFrames(), stats.unsyncedBytes(), stats.acknowledgedFrames(),
                stats.acknowledgedBytes()}).containsExactly(counted);
            assertThat(stats.frames()).isEqualTo(FRAMES - 300);
            assertThat(stats.acknowledgedFrames()).isEqualTo(2500 - 300 + 2);
            assertThat(stats.oldestUnsynced().map(f -> f.id().sequence())).contains(2501L);
            assertThat(stats.latest().map(f -> f.id().sequence())).contains((long) FRAMES);
        }
    }

    private static long[] countEveryRow(Connection connection) throws SQLException {
        long[] counted = new long[4];
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sync_state, count(*), sum(size) FROM frame GROUP BY sync_state");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                int offset = "unsynced".equals(row.getString(1)) ? 0 : 2;
                counted[offset] = row.getLong(2);
                counted[offset + 1] = row.getLong(3);
            }
        }
        return counted;
    }

    /** The planner's steps that touch the frame table. */
    private static List<String> plan(Connection connection, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int parameters = explain.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                explain.setObject(i, i == 2 && sql.contains("sync_state = ?") ? "acknowledged" : "1");
            }
            try (ResultSet row = explain.executeQuery()) {
                while (row.next()) {
                    String detail = row.getString("detail");
                    if (detail.contains(" frame ") || detail.endsWith(" frame") || detail.contains("TEMP B-TREE")) {
                        steps.add(detail);
                    }
                }
            }
        }
        return steps;
    }
}
