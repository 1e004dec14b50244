package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library from before V41 (thumbnails keyed by frame id) is brought up to date on opening: every thumbnail is
 * moved, byte for byte, under its frame's origin and capture time, by one pass that reads the frames in that order
 * from an index and writes the new table forwards, without sorting a million thumbnails.
 */
class ThumbnailMigrationTest {
    private static final int FRAMES = 600;
    private static final String COPY_START = "SELECT frame.origin_sequence_id";

    @TempDir
    Path folder;

    @Test
    void openingAnOlderLibraryKeepsEveryThumbnailUnderItsFramesPosition() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve(Library.DATABASE_FILE);
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null).locations("classpath:db/migration")
                .table("flyway_history_library").baselineOnMigrate(true).baselineVersion("0").mixed(true)
                .target("40").load().migrate();
        Map<Long, byte[]> jpegs = new HashMap<>();
        List<Long> withoutThumbnail = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO sequence (id, name, kind, created_at) VALUES (1, 'card', 'IMPORT', 0)");
                statement.execute("INSERT INTO sequence (id, name, kind, created_at) VALUES (2, 'other', 'IMPORT', 0)");
            }
            connection.setAutoCommit(false);
            Random random = new Random(41);
            try (PreparedStatement frame = connection.prepareStatement("INSERT INTO frame (id, origin_sequence_id,"
                    + " captured_at, sha256, size, path, added_at) VALUES (?, ?, ?, ?, 1, ?, 0)");
                    PreparedStatement thumbnail = connection.prepareStatement(
                            "INSERT INTO frame_thumbnail (frame_id, width, height, jpeg) VALUES (?, 320, 180, ?)")) {
                for (int id = 1; id <= FRAMES; id++) {
                    frame.setInt(1, id);
                    frame.setInt(2, 1 + random.nextInt(2));
                    // Out of id order, and some frames of one millisecond: the key's frame id tells them apart.
                    frame.setLong(3, 1_718_000_000_000L + random.nextInt(FRAMES / 2) * 1000L);
                    frame.setString(4, "sha-" + id);
                    frame.setString(5, "frames/card/" + id + ".jpg");
                    frame.executeUpdate();
                    if (random.nextInt(10) == 0) {
                        withoutThumbnail.add((long) id);
                        continue;
                    }
                    byte[] jpeg = new byte[1 + random.nextInt(9000)];
                    random.nextBytes(jpeg);
                    thumbnail.setInt(1, id);
                    thumbnail.setBytes(2, jpeg);
                    thumbnail.executeUpdate();
                    jpegs.put((long) id, jpeg);
                }
            }
            connection.commit();
            assertThat(plan(connection, copyQuery())).as("the copy's plan")
                    .containsExactly("SCAN frame USING COVERING INDEX frame_origin_time",
                            "SEARCH frame_thumbnail USING INTEGER PRIMARY KEY (rowid=?)");
        }
        assertThat(withoutThumbnail).isNotEmpty();

        try (LibraryFixture opened = LibraryFixture.in(folder)) {
            List<Long> all = new ArrayList<>(jpegs.keySet());
            all.addAll(withoutThumbnail);
            Map<Long, Thumbnail> migrated = opened.frames().thumbnails(all);
            assertThat(migrated).containsOnlyKeys(jpegs.keySet());
            migrated.forEach((id, thumbnail) -> {
                assertThat(thumbnail.jpeg()).as("frame %d", id).isEqualTo(jpegs.get(id));
                assertThat(thumbnail.width()).isEqualTo(320);
                assertThat(thumbnail.height()).isEqualTo(180);
            });
            ThumbnailsTest.assertEveryThumbnailLiesUnderItsFramesPosition(opened);
        }
    }

    /** The SELECT of the migration's INSERT … SELECT, as it runs on the V40 schema. */
    private static String copyQuery() throws Exception {
        String migration;
        try (var in = ThumbnailMigrationTest.class.getResourceAsStream("/db/migration/V41__thumbnails_by_position.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = migration.indexOf(COPY_START);
        return migration.substring(start, migration.indexOf(';', start));
    }

    private static List<String> plan(Connection connection, String sql) throws Exception {
        List<String> steps = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rows.next()) {
                steps.add(rows.getString("detail"));
            }
        }
        return steps;
    }
}
