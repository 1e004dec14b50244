package studio.timelapse.camera.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * Brings an owner's tables up to date at start-up, loading Flyway only when there is something to do. Flyway is
 * some 400 classes, several megabytes of class metadata that an agent keeps for as long as it runs; on the usual
 * start (a restart, nothing new to apply) a look at the owner's history table with plain JDBC is enough.
 *
 * <p>Nothing is due when every versioned script the owner ships is recorded as applied successfully in
 * {@code flyway_history_<owner>} and no failed attempt is recorded. Anything else — no history yet, a new script, a
 * failed migration, a repeatable script — goes to {@link SqliteDatabase#migrate}, that is to Flyway, which then
 * applies, validates and refuses exactly as before. What the shortcut does not do is Flyway's check that applied
 * scripts were not edited since (their checksums); the scripts ship inside the agent's jar, so that can only happen
 * in development, where every test starts from a new database and runs Flyway.
 */
public final class SchemaMigrations {
    private final SqliteDatabase db;
    private final ClassLoader loader;

    public SchemaMigrations(SqliteDatabase db) {
        this(db, SchemaMigrations.class.getClassLoader());
    }

    SchemaMigrations(SqliteDatabase db, ClassLoader loader) {
        this.db = db;
        this.loader = loader;
    }

    /** Applies {@code owner}'s migrations from {@code classpath:<location>} if any is due; see the class comment. */
    public void bringUpToDate(String owner, String location) {
        if (due(owner, location)) {
            db.migrate(owner, location);
        }
    }

    /** Whether {@link #bringUpToDate} would hand {@code owner}'s migrations to Flyway. */
    public boolean due(String owner, String location) {
        if (!owner.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("an owner is lower-case letters, digits and _: " + owner);
        }
        MigrationScripts scripts = MigrationScripts.in(loader, location);
        if (!scripts.onlyVersioned()) {
            return true;
        }
        Set<String> applied = db.read(connection -> appliedVersions(connection, "flyway_history_" + owner));
        return applied == null || !applied.containsAll(scripts.versions());
    }

    /** The versions applied successfully, or null when the table is missing or records a failed migration. */
    private static Set<String> appliedVersions(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
                if (!exists.next()) {
                    return null;
                }
            }
            Set<String> versions = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT version, success FROM \"" + table + "\"")) {
                while (rows.next()) {
                    if (!rows.getBoolean("success")) {
                        return null;
                    }
                    String version = rows.getString("version");
                    if (version != null) {
                        versions.add(version);
                    }
                }
            }
            return versions;
        }
    }
}
