package studio.timelapse.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SQLite file: migrations by owner, and read-then-write transactions that never lose an update. */
class SqliteDatabaseTest {
    @TempDir
    Path folder;

    private static long counter(SqliteDatabase db) {
        return db.read(connection -> {
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT value FROM counter WHERE id = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void twoOwnersMigrateOneFileIndependentlyAndAgainWithoutChange() {
        Path file = folder.resolve("nested/library.sqlite");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            db.migrate("one", "db/test-one");
            db.migrate("two", "db/test-two");
            db.migrate("one", "db/test-one");
            assertThat(counter(db)).isZero();
            db.write(connection -> connection.createStatement().executeUpdate("INSERT INTO note(text) VALUES ('x')"));
        }
        assertThat(file).exists();
    }

    @Test
    void concurrentReadThenWriteTransactionsLoseNoUpdate() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(folder.resolve("db.sqlite"))) {
            db.migrate("one", "db/test-one");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        db.write(connection -> {
                            long value;
                            try (ResultSet rs = connection.createStatement().executeQuery("SELECT value FROM counter")) {
                                rs.next();
                                value = rs.getLong(1);
                            }
                            try (PreparedStatement update = connection.prepareStatement("UPDATE counter SET value = ?")) {
                                update.setLong(1, value + 1);
                                return update.executeUpdate();
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(counter(db)).isEqualTo(600);
        }
    }

    @Test
    void aFailedTransactionChangesNothingAndSaysWhy() {
        try (SqliteDatabase db = SqliteDatabase.open(folder.resolve("db.sqlite"))) {
            db.migrate("one", "db/test-one");
            assertThatThrownBy(() -> db.writeDurably(connection -> {
                connection.createStatement().executeUpdate("UPDATE counter SET value = 99");
                return connection.createStatement().executeUpdate("INSERT INTO missing VALUES (1)");
            })).isInstanceOf(DatabaseException.class).hasMessageContaining("no such table: missing");
            assertThat(counter(db)).isZero();
        }
    }

    @Test
    void aClosedDatabaseRefusesWork() {
        SqliteDatabase db = SqliteDatabase.open(folder.resolve("db.sqlite"));
        db.close();
        assertThatThrownBy(() -> db.read(connection -> 1)).hasMessageContaining("is closed");
    }
}
