package studio.timelapse.shared.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * A critical section shared by threads and processes, kept in the lock database itself: every visit is recorded
 * (fence, holder, entered, exited), and entering while another visitor is inside, or with a fence not above the last
 * one that entered, is recorded as a violation. The bookkeeping runs in its own BEGIN IMMEDIATE transactions, so it
 * is exact whatever the locks under test do.
 */
final class CriticalSection {
    private final SqliteDatabase db;

    CriticalSection(SqliteDatabase db) {
        this.db = db;
    }

    /** A visit, as recorded. Times are microseconds since the epoch (one machine, one clock). */
    record Visit(long sequence, long fence, String holder, long enteredMicros, long exitedMicros) {}

    static void create(SqliteDatabase db) {
        db.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE section_state (id INTEGER PRIMARY KEY, occupant TEXT,"
                        + " last_fence INTEGER NOT NULL)");
                statement.executeUpdate("INSERT INTO section_state VALUES (1, NULL, 0)");
                statement.executeUpdate("CREATE TABLE section_visit (sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " fence INTEGER NOT NULL, holder TEXT NOT NULL, entered_us INTEGER NOT NULL, exited_us INTEGER)");
                statement.executeUpdate("CREATE TABLE section_violation (what TEXT NOT NULL)");
            }
            return null;
        });
    }

    /** Enters with the lease's fence, stays {@code inside}, leaves. */
    void visit(Lease lease, Duration inside) throws InterruptedException {
        String visitor = lease.holder() + "#" + lease.fence();
        long sequence = enter(lease.fence(), lease.holder(), visitor);
        Thread.sleep(inside.toMillis());
        leave(sequence, visitor);
    }

    List<Visit> visits() {
        return db.read(connection -> {
            List<Visit> visits = new ArrayList<>();
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT sequence, fence, holder, entered_us, exited_us FROM section_visit ORDER BY sequence")) {
                while (row.next()) {
                    visits.add(new Visit(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4), row.getLong(5)));
                }
            }
            return visits;
        });
    }

    List<String> violations() {
        return db.read(connection -> {
            List<String> violations = new ArrayList<>();
            try (ResultSet row = connection.createStatement().executeQuery("SELECT what FROM section_violation")) {
                while (row.next()) {
                    violations.add(row.getString(1));
                }
            }
            return violations;
        });
    }

    private long enter(long fence, String holder, String visitor) {
        return db.write(connection -> {
            try (ResultSet state = connection.createStatement().executeQuery(
                    "SELECT occupant, last_fence FROM section_state WHERE id = 1")) {
                state.next();
                String occupant = state.getString(1);
                long lastFence = state.getLong(2);
                if (occupant != null) {
                    violation(connection, visitor + " entered while " + occupant + " was inside");
                }
                if (fence <= lastFence) {
                    violation(connection, visitor + " entered with fence " + fence + " after fence " + lastFence);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE section_state SET occupant = ?, last_fence = max(last_fence, ?) WHERE id = 1")) {
                update.setString(1, visitor);
                update.setLong(2, fence);
                update.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO section_visit (fence, holder, entered_us) VALUES (?, ?, ?) RETURNING sequence")) {
                insert.setLong(1, fence);
                insert.setString(2, holder);
                insert.setLong(3, nowMicros());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private void leave(long sequence, String visitor) {
        db.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE section_state SET occupant = NULL WHERE id = 1 AND occupant = ?")) {
                update.setString(1, visitor);
                if (update.executeUpdate() != 1) {
                    violation(connection, visitor + " left, but someone else was inside by then");
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE section_visit SET exited_us = ? WHERE sequence = ?")) {
                update.setLong(1, nowMicros());
                update.setLong(2, sequence);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static void violation(Connection connection, String what) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO section_violation VALUES (?)")) {
            insert.setString(1, what);
            insert.executeUpdate();
        }
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
