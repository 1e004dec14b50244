package studio.timelapse.camera.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * Flyway is loaded only when an owner has something to apply. The test scripts: {@code db/schema-test/first} has
 * V1, {@code db/schema-test/second} the same V1 and a V2 (as a release that adds a migration), {@code
 * db/schema-test/repeatable} a V1 and an R__ script.
 */
class SchemaMigrationsTest {
    private static final String FIRST = "db/schema-test/first";
    private static final String SECOND = "db/schema-test/second";

    @TempDir
    Path folder;

    private SqliteDatabase db;
    private SchemaMigrations migrations;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(folder.resolve("agent.sqlite"));
        migrations = new SchemaMigrations(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewDatabaseHasItsMigrationsDue() {
        assertThat(migrations.due("test", FIRST)).isTrue();
    }

    @Test
    void nothingIsDueOnceTheOwnersScriptsAreApplied() {
        migrations.bringUpToDate("test", FIRST);

        assertThat(tableExists("first_table")).isTrue();
        assertThat(migrations.due("test", FIRST)).isFalse();
    }

    @Test
    void aScriptShippedLaterIsDueAndAppliedByFlyway() {
        migrations.bringUpToDate("test", FIRST);

        assertThat(migrations.due("test", SECOND)).isTrue();
        migrations.bringUpToDate("test", SECOND);

        assertThat(tableExists("second_table")).isTrue();
        assertThat(migrations.due("test", SECOND)).isFalse();
    }

    @Test
    void anotherOwnersHistoryDoesNotCount() {
        migrations.bringUpToDate("test", FIRST);

        assertThat(migrations.due("other", FIRST)).isTrue();
    }

    @Test
    void aFailedMigrationInTheHistoryIsLeftToFlyway() {
        migrations.bringUpToDate("test", FIRST);
        db.write(connection -> connection.createStatement()
                .executeUpdate("UPDATE flyway_history_test SET success = 0 WHERE version = '1'"));

        assertThat(migrations.due("test", FIRST)).isTrue();
    }

    @Test
    void anOwnerWithARepeatableScriptIsAlwaysLeftToFlyway() {
        db.migrate("test", "db/schema-test/repeatable");

        assertThat(migrations.due("test", "db/schema-test/repeatable")).isTrue();
    }

    @Test
    void theAgentsOwnScriptsAreFound() {
        assertThat(MigrationScripts.in(getClass().getClassLoader(), "db/agent").versions()).contains("1");
        assertThat(MigrationScripts.in(getClass().getClassLoader(), "db/shared").versions()).contains("1", "2", "3");
    }

    private boolean tableExists(String name) {
        return db.read(connection -> {
            try (var rows = connection.createStatement().executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'")) {
                return rows.next();
            }
        });
    }
}
