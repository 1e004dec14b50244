package studio.timelapse.shared.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rows of one entity type in {@code entity_state} and {@code entity_state_history}; plain JDBC, no policy. */
final class StateRows<S extends Enum<S>> {
    private static final String SELECT_STEPS = "SELECT version, transition, from_state, to_state, at_ms, why, task_uuid"
            + " FROM entity_state_history WHERE entity_type = ? AND entity_id = ?";

    private final String entityType;
    private final Class<S> stateType;

    StateRows(String entityType, Class<S> stateType) {
        this.entityType = entityType;
        this.stateType = stateType;
    }

    Optional<EntityState<S>> find(Connection connection, String entityId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, version, since_ms FROM entity_state WHERE entity_type = ? AND entity_id = ?")) {
            select.setString(1, entityType);
            select.setString(2, entityId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EntityState<>(entityType, entityId, state(row.getString(1)), row.getLong(2),
                        Instant.ofEpochMilli(row.getLong(3))));
            }
        }
    }

    void insert(Connection connection, EntityState<S> created) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO entity_state (entity_type, entity_id, state, version, since_ms) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, entityType);
            insert.setString(2, created.entityId());
            insert.setString(3, created.state().name());
            insert.setLong(4, created.version());
            insert.setLong(5, created.since().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** Moves the entity from {@code before} to {@code after}; false if its version is no longer {@code before}'s. */
    boolean update(Connection connection, EntityState<S> before, EntityState<S> after) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE entity_state SET state = ?, version = ?,"
                + " since_ms = ? WHERE entity_type = ? AND entity_id = ? AND version = ?")) {
            update.setString(1, after.state().name());
            update.setLong(2, after.version());
            update.setLong(3, after.since().toEpochMilli());
            update.setString(4, entityType);
            update.setString(5, before.entityId());
            update.setLong(6, before.version());
            return update.executeUpdate() == 1;
        }
    }

    void record(Connection connection, HistoryEntry<S> step) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entity_state_history (entity_type,"
                + " entity_id, version, transition, from_state, to_state, at_ms, why, task_uuid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entityType);
            insert.setString(2, step.entityId());
            insert.setLong(3, step.version());
            insert.setString(4, step.transition());
            setNullable(insert, 5, step.from().map(Enum::name));
            insert.setString(6, step.to().name());
            insert.setLong(7, step.at().toEpochMilli());
            insert.setString(8, step.why());
            setNullable(insert, 9, step.taskUuid());
            insert.executeUpdate();
        }
    }

    List<HistoryEntry<S>> history(Connection connection, String entityId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_STEPS + " ORDER BY version")) {
            select.setString(1, entityType);
            select.setString(2, entityId);
            return steps(select, entityId);
        }
    }

    /** The step that produced {@code version}. */
    Optional<HistoryEntry<S>> step(Connection connection, String entityId, long version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_STEPS + " AND version = ?")) {
            select.setString(1, entityType);
            select.setString(2, entityId);
            select.setLong(3, version);
            return steps(select, entityId).stream().findFirst();
        }
    }

    private List<HistoryEntry<S>> steps(PreparedStatement select, String entityId) throws SQLException {
        List<HistoryEntry<S>> steps = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                steps.add(new HistoryEntry<>(entityType, entityId, row.getLong(1), row.getString(2),
                        Optional.ofNullable(row.getString(3)).map(this::state), state(row.getString(4)),
                        Instant.ofEpochMilli(row.getLong(5)), row.getString(6), Optional.ofNullable(row.getString(7))));
            }
        }
        return steps;
    }

    private S state(String name) {
        return Enum.valueOf(stateType, name);
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
