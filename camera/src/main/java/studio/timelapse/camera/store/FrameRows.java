package studio.timelapse.camera.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * The frame index's SQL, on a connection the caller's transaction holds. Every query of a common path (paging,
 * lookups, stats, retention's candidates) is answered from the primary key or an index; {@code StoreScaleTest} asks
 * SQLite's planner to prove it. One store has one epoch, so the primary key's {@code epoch} alone selects every row:
 * queries by state name their index ({@code INDEXED BY}), which SQLite then must use or refuse to run.
 */
final class FrameRows {
    static final String UNSYNCED = "unsynced";
    static final String ACKNOWLEDGED = "acknowledged";

    private static final String COLUMNS = "epoch, sequence, captured_ms, utc_offset_s, slot_ms, stored_ms, size, sha256,"
            + " width, height, settings, exposure, path, sync_state, acknowledged_ms, recovered, missing_since_ms";

    static final String PAGE = "SELECT " + COLUMNS + " FROM frame WHERE epoch = ? AND sequence > ? AND deleting = 0"
            + " ORDER BY sequence LIMIT ?";
    static final String FIND = "SELECT " + COLUMNS + " FROM frame WHERE epoch = ? AND sequence = ? AND deleting = 0";
    /** What a download needs, without the settings and exposure JSON the listing parses. */
    static final String FILE = "SELECT size, sha256, path, missing_since_ms FROM frame"
            + " WHERE epoch = ? AND sequence = ? AND deleting = 0";
    static final String LATEST = "SELECT " + COLUMNS + " FROM frame WHERE epoch = ? AND deleting = 0"
            + " ORDER BY sequence DESC LIMIT 1";
    static final String OLDEST_IN_STATE = "SELECT " + COLUMNS + " FROM frame INDEXED BY frame_by_sync_state"
            + " WHERE epoch = ? AND sync_state = ? AND deleting = 0 ORDER BY sequence LIMIT ?";
    static final String DELETING = "SELECT " + COLUMNS + " FROM frame INDEXED BY frame_deleting"
            + " WHERE epoch = ? AND deleting = 1 ORDER BY sequence";
    static final String MISSING_COUNT = "SELECT count(*) FROM frame INDEXED BY frame_missing"
            + " WHERE epoch = ? AND missing_since_ms IS NOT NULL";
    static final String TOTALS = "SELECT sync_state, frames, bytes FROM frame_totals";
    static final String ACKNOWLEDGE = "UPDATE frame SET sync_state = 'acknowledged', acknowledged_ms = ?"
            + " WHERE epoch = ? AND sequence BETWEEN ? AND ? AND sync_state = 'unsynced'";
    static final String ALL_PATHS = "SELECT sequence, path, missing_since_ms FROM frame WHERE epoch = ? ORDER BY sequence";

    private final FrameJson json = new FrameJson();

    /** The store's identity row, if the store was created. */
    Optional<StoreIdentity> identity(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT epoch, last_sequence FROM frame_store WHERE singleton = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new StoreIdentity(row.getString(1), row.getLong(2))) : Optional.empty();
        }
    }

    void createIdentity(Connection connection, String epoch, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO frame_store (singleton, epoch, last_sequence, created_ms) VALUES (1, ?, 0, ?)")) {
            insert.setString(1, epoch);
            insert.setLong(2, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    long lastSequence(Connection connection) throws SQLException {
        return identity(connection).orElseThrow(() -> new IllegalStateException("the frame store has no identity row"))
                .lastSequence();
    }

    /** Moves the counter from {@code expected} to {@code expected + 1}; anything else means a second writer. */
    void advanceSequence(Connection connection, long expected) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE frame_store SET last_sequence = ? WHERE singleton = 1 AND last_sequence = ?")) {
            update.setLong(1, expected + 1);
            update.setLong(2, expected);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the frame sequence moved under this writer (expected " + expected + ")");
            }
        }
    }

    void insert(Connection connection, StoredFrame frame) throws SQLException {
        FrameInfo info = frame.info();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO frame (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, info.id().epoch());
            insert.setLong(2, info.id().sequence());
            insert.setLong(3, info.capturedAt().toEpochMilli());
            insert.setInt(4, info.utcOffsetSeconds());
            setInstant(insert, 5, frame.slot());
            insert.setLong(6, frame.storedAt().toEpochMilli());
            insert.setLong(7, info.size());
            insert.setString(8, info.sha256());
            insert.setInt(9, info.width());
            insert.setInt(10, info.height());
            insert.setString(11, frame.settings().map(json::settings).orElse(null));
            insert.setString(12, json.exposure(info.exposure()));
            insert.setString(13, frame.path());
            insert.setString(14, info.acknowledged() ? ACKNOWLEDGED : UNSYNCED);
            setInstant(insert, 15, frame.acknowledgedAt());
            insert.setInt(16, frame.recovered() ? 1 : 0);
            setInstant(insert, 17, frame.missingSince());
            insert.executeUpdate();
        }
    }

    List<StoredFrame> page(Connection connection, String epoch, long afterSequence, int limit) throws SQLException {
        return query(connection, PAGE, epoch, afterSequence, limit);
    }

    Optional<StoredFrame> find(Connection connection, FrameId id) throws SQLException {
        return query(connection, FIND, id.epoch(), id.sequence()).stream().findFirst();
    }

    Optional<IndexedFile> file(Connection connection, FrameId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FILE)) {
            select.setString(1, id.epoch());
            select.setLong(2, id.sequence());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IndexedFile(id, row.getLong(1), row.getString(2), row.getString(3),
                        row.getObject(4) != null));
            }
        }
    }

    Optional<StoredFrame> latest(Connection connection, String epoch) throws SQLException {
        return query(connection, LATEST, epoch).stream().findFirst();
    }

    List<StoredFrame> oldest(Connection connection, String epoch, String syncState, int limit) throws SQLException {
        return query(connection, OLDEST_IN_STATE, epoch, syncState, limit);
    }

    List<StoredFrame> deleting(Connection connection, String epoch) throws SQLException {
        return query(connection, DELETING, epoch);
    }

    long missingCount(Connection connection, String epoch) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MISSING_COUNT)) {
            select.setString(1, epoch);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Frames and bytes per sync state: {unsynced frames, unsynced bytes, acknowledged frames, acknowledged bytes}. */
    long[] totals(Connection connection) throws SQLException {
        long[] totals = new long[4];
        try (PreparedStatement select = connection.prepareStatement(TOTALS); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                int offset = UNSYNCED.equals(row.getString(1)) ? 0 : 2;
                totals[offset] = row.getLong(2);
                totals[offset + 1] = row.getLong(3);
            }
        }
        return totals;
    }

    long acknowledge(Connection connection, String epoch, long from, long to, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ACKNOWLEDGE)) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, epoch);
            update.setLong(3, from);
            update.setLong(4, to);
            return update.executeUpdate();
        }
    }

    void markDeleting(Connection connection, List<FrameId> ids) throws SQLException {
        forEach(connection, "UPDATE frame SET deleting = 1 WHERE epoch = ? AND sequence = ?", ids);
    }

    void delete(Connection connection, List<FrameId> ids) throws SQLException {
        forEach(connection, "DELETE FROM frame WHERE epoch = ? AND sequence = ? AND deleting = 1", ids);
    }

    /** Runs {@code sql} (epoch and sequence as its parameters) once per frame, as one batch. */
    private static void forEach(Connection connection, String sql, List<FrameId> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (FrameId id : ids) {
                statement.setString(1, id.epoch());
                statement.setLong(2, id.sequence());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Sets or clears the missing-file flag; true if it changed. */
    boolean flagMissing(Connection connection, FrameId id, Optional<Instant> since) throws SQLException {
        String sql = since.isPresent()
                ? "UPDATE frame SET missing_since_ms = ? WHERE epoch = ? AND sequence = ? AND missing_since_ms IS NULL"
                : "UPDATE frame SET missing_since_ms = ? WHERE epoch = ? AND sequence = ? AND missing_since_ms IS NOT NULL";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            setInstant(update, 1, since);
            update.setString(2, id.epoch());
            update.setLong(3, id.sequence());
            return update.executeUpdate() == 1;
        }
    }

    /** Every indexed frame's sequence, path and missing flag, in order: for recovery at start-up only. */
    List<IndexedPath> allPaths(Connection connection, String epoch) throws SQLException {
        List<IndexedPath> paths = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ALL_PATHS)) {
            select.setString(1, epoch);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    paths.add(new IndexedPath(new FrameId(epoch, row.getLong(1)), row.getString(2),
                            row.getObject(3) != null));
                }
            }
        }
        return paths;
    }

    record StoreIdentity(String epoch, long lastSequence) {}

    record IndexedPath(FrameId id, String path, boolean flaggedMissing) {}

    record IndexedFile(FrameId id, long size, String sha256, String path, boolean flaggedMissing) {}

    private List<StoredFrame> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<StoredFrame> frames = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    frames.add(read(row));
                }
            }
            return frames;
        }
    }

    private StoredFrame read(ResultSet row) throws SQLException {
        FrameInfo info = new FrameInfo(new FrameId(row.getString("epoch"), row.getLong("sequence")),
                Instant.ofEpochMilli(row.getLong("captured_ms")), row.getInt("utc_offset_s"), row.getLong("size"),
                row.getString("sha256"), row.getInt("width"), row.getInt("height"),
                json.exposure(row.getString("exposure")), ACKNOWLEDGED.equals(row.getString("sync_state")));
        return new StoredFrame(info, row.getString("path"), json.settings(row.getString("settings")),
                instant(row, "slot_ms"), Instant.ofEpochMilli(row.getLong("stored_ms")),
                instant(row, "acknowledged_ms"), row.getInt("recovered") == 1, instant(row, "missing_since_ms"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static void setInstant(PreparedStatement statement, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }
}
