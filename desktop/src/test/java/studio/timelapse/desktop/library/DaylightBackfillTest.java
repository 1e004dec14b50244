package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_HOUR_COUNT;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library from before V40 (frames ingested with no night verdict, no hourly counts) is brought up to date on
 * opening: the migration judges every ingested frame exactly as ingest does now, to the last bit on the threshold,
 * and counts every hour.
 */
class DaylightBackfillTest {
    private static final int FRAMES = 3000;

    @TempDir
    Path folder;

    @Test
    void openingAnOlderLibraryJudgesItsIngestedFramesAsIngestWouldAndCountsTheirHours() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve(Library.DATABASE_FILE);
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null).locations("classpath:db/migration")
                .table("flyway_history_library").baselineOnMigrate(true).baselineVersion("0").mixed(true)
                .target("30").load().migrate();
        Map<Integer, Boolean> expectedNight = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO sequence (id, name, kind, created_at) VALUES (1, 'card', 'IMPORT', 0)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO frame (id, origin_sequence_id,"
                    + " captured_at, sha256, size, path, rejected, added_at, ingested_at, mean_luma, exposure_time_s,"
                    + " f_number, iso) VALUES (?, 1, ?, ?, 1, ?, ?, 0, ?, ?, ?, ?, ?)")) {
                Random random = new Random(5);
                for (int id = 1; id <= FRAMES; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, 1_718_000_000_000L + random.nextInt(5 * 86_400) * 1000L);
                    insert.setString(3, "sha-" + id);
                    insert.setString(4, "frames/card/" + id + ".jpg");
                    insert.setInt(5, random.nextInt(5) == 0 ? 1 : 0);
                    if (random.nextInt(10) == 0) {
                        for (int column = 6; column <= 10; column++) {
                            insert.setNull(column, Types.NULL);
                        }
                    } else {
                        Exposure exposure = randomExposure(random);
                        double luma = randomLuma(random, exposure);
                        expectedNight.put(id, Daylight.judgedNight(luma, exposure));
                        insert.setLong(6, 1);
                        insert.setDouble(7, luma);
                        setOrNull(insert, 8, exposure.timeSeconds().isPresent() ? exposure.timeSeconds().getAsDouble() : null);
                        setOrNull(insert, 9, exposure.fNumber().isPresent() ? exposure.fNumber().getAsDouble() : null);
                        setOrNull(insert, 10, exposure.iso().isPresent() ? (double) exposure.iso().getAsInt() : null);
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
        }
        assertThat(expectedNight.values()).contains(true, false);

        try (LibraryFixture opened = LibraryFixture.in(folder)) {
            Map<Integer, Integer> stored = opened.library().read(sql -> sql.select(FRAME.ID, FRAME.JUDGED_NIGHT)
                    .from(FRAME).fetchMap(FRAME.ID, FRAME.JUDGED_NIGHT));
            assertThat(stored).hasSize(FRAMES);
            stored.forEach((id, night) -> assertThat(night).as("frame %d", id)
                    .isEqualTo(expectedNight.getOrDefault(id, false) ? 1 : 0));
            var hour = FRAME.CAPTURED_AT.div(3_600_000L);
            List<String> counted = opened.library().read(sql -> sql.select(FRAME_HOUR_COUNT.HOUR,
                    FRAME_HOUR_COUNT.REJECTED, FRAME_HOUR_COUNT.JUDGED_NIGHT, FRAME_HOUR_COUNT.FRAMES)
                    .from(FRAME_HOUR_COUNT)
                    .orderBy(FRAME_HOUR_COUNT.HOUR, FRAME_HOUR_COUNT.REJECTED, FRAME_HOUR_COUNT.JUDGED_NIGHT)
                    .fetch(row -> row.formatCSV(false)));
            List<String> grouped = opened.library().read(sql -> sql.select(hour, FRAME.REJECTED, FRAME.JUDGED_NIGHT,
                            DSL.count().cast(Long.class)).from(FRAME)
                    .groupBy(hour, FRAME.REJECTED, FRAME.JUDGED_NIGHT)
                    .orderBy(hour, FRAME.REJECTED, FRAME.JUDGED_NIGHT).fetch(row -> row.formatCSV(false)));
            assertThat(counted).isNotEmpty().isEqualTo(grouped);
        }
    }

    /** Exposures from EXIF, or partly or wholly missing (fixed-exposure cameras), or nonsense (zero). */
    private static Exposure randomExposure(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Exposure.UNKNOWN;
            case 1 -> Exposure.of(0, 2.8, 100);
            default -> Exposure.of(1.0 / (1 + random.nextInt(4000)), 1 + random.nextDouble() * 15,
                    100 << random.nextInt(7));
        };
    }

    /** Any brightness, or (half the time) one a hair's breadth either side of the day threshold. */
    private static double randomLuma(Random random, Exposure exposure) {
        double threshold = 40.0;
        if (exposure.ev100().isPresent()) {
            double n = exposure.fNumber().getAsDouble();
            threshold = 512.0 * 118.0 / (n * n / exposure.timeSeconds().getAsDouble() * 100.0 / exposure.iso().getAsInt());
        }
        if (random.nextBoolean() && threshold >= 0.5 && threshold <= 255) {
            return switch (random.nextInt(3)) {
                case 0 -> Math.nextDown(threshold);
                case 1 -> threshold;
                default -> Math.nextUp(threshold);
            };
        }
        return random.nextDouble() * 255;
    }

    private static void setOrNull(PreparedStatement insert, int column, Double value) throws Exception {
        if (value == null) {
            insert.setNull(column, Types.NULL);
        } else {
            insert.setDouble(column, value);
        }
    }
}
