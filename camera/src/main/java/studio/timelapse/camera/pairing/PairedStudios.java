package studio.timelapse.camera.pairing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * The studios paired with this camera, in the agent's database. Every authenticated request looks its studio up
 * here (a primary-key read), so removing a row — from either side, from any process — revokes that studio's tokens
 * at once. Studios are added only by {@link PairingService#pair}.
 */
public final class PairedStudios {
    private static final String COLUMNS = "studio_id, name, public_key, key_sha256, paired_at, paired_from";

    private final SqliteDatabase db;

    public PairedStudios(SqliteDatabase db) {
        this.db = db;
    }

    public Optional<PairedStudio> find(String studioId) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM paired_studio WHERE studio_id = ?")) {
                select.setString(1, studioId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(studio(row)) : Optional.<PairedStudio>empty();
                }
            }
        });
    }

    /** Every paired studio, the earliest first. */
    public List<PairedStudio> list() {
        return db.read(connection -> {
            List<PairedStudio> studios = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM paired_studio ORDER BY paired_at, studio_id");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    studios.add(studio(row));
                }
            }
            return studios;
        });
    }

    // --- inside a caller's transaction ---

    static void insert(Connection connection, PairedStudio studio) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO paired_studio (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, studio.studioId());
            insert.setString(2, studio.name());
            insert.setString(3, studio.publicKeyPem());
            insert.setString(4, studio.keySha256());
            insert.setLong(5, studio.pairedAt().toEpochMilli());
            insert.setString(6, studio.pairedFrom());
            insert.executeUpdate();
        }
    }

    /** Removes the pairing made with this key, if any, and returns it. */
    static Optional<PairedStudio> removeByKey(Connection connection, String keySha256) throws SQLException {
        Optional<PairedStudio> existing;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM paired_studio WHERE key_sha256 = ?")) {
            select.setString(1, keySha256);
            try (ResultSet row = select.executeQuery()) {
                existing = row.next() ? Optional.of(studio(row)) : Optional.empty();
            }
        }
        if (existing.isPresent()) {
            remove(connection, existing.get().studioId());
        }
        return existing;
    }

    static boolean remove(Connection connection, String studioId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM paired_studio WHERE studio_id = ?")) {
            delete.setString(1, studioId);
            return delete.executeUpdate() > 0;
        }
    }

    private static PairedStudio studio(ResultSet row) throws SQLException {
        return new PairedStudio(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)), row.getString(6));
    }
}
