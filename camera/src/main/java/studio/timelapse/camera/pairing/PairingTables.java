package studio.timelapse.camera.pairing;

import studio.timelapse.camera.schema.SchemaMigrations;
import studio.timelapse.shared.db.SqliteDatabase;

/** The pairing tables' migrations: an owner of their own ({@code flyway_history_pairing}), applied at start-up
 * when due ({@link SchemaMigrations}). */
public final class PairingTables {
    private PairingTables() {}

    public static void migrate(SqliteDatabase db) {
        new SchemaMigrations(db).bringUpToDate("pairing", "db/pairing");
    }
}
