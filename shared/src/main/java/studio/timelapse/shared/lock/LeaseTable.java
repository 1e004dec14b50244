package studio.timelapse.shared.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * The {@code lock_lease} and {@code lock_fence} tables (migration {@code V2__locks.sql}): every statement the lock
 * service runs, each operation one short transaction. "Now" is read inside the transaction, after SQLite granted
 * it, so that time spent queueing for the database never makes an expired lease look alive.
 */
final class LeaseTable {
    private static final String COLUMNS =
            "fence, resource, purpose, holder, process, acquired_at, expires_at, progress";

    private final SqliteDatabase db;
    private final Clock clock;

    LeaseTable(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The outcome of one attempt: the new lease, or the live leases in its way (then {@code lease} is null); and the
     * leases of dead processes on this host it deleted on the way, with why each holder is dead.
     */
    record Grant(LockHolder lease, List<LockHolder> blockers, List<TakenOver> takenOver) {
        boolean granted() {
            return lease != null;
        }
    }

    /** A lease deleted before it expired because its holder's process is dead. */
    record TakenOver(LockHolder lease, String why) {}

    /**
     * One attempt to take {@code name}: sweeps expired leases, looks for live conflicting ones, and if there are
     * none takes the next fence and inserts the lease. Committed durably: a fence leaves this process (to files,
     * to a camera), so it must never be handed out again, not even after a power cut.
     *
     * <p>A conflicting lease whose holder is a dead process of this host (killed, crashed) is deleted rather than
     * waited out: nothing can renew it, and its holder can no longer act on the fence it had.
     */
    Grant tryGrant(LockName name, String holder, String process, Duration lease, LockCompatibility compatibility) {
        Optional<Instant> processStart = HolderProcess.startOfThisProcess();
        return db.writeDurably(connection -> {
            Instant now = now();
            sweepExpired(connection, now);
            List<LockHolder> blockers = new ArrayList<>();
            List<TakenOver> takenOver = new ArrayList<>();
            for (LockHolder held : liveOverlapping(connection, name.resource(), now)) {
                if (!compatibility.conflict(held.lock(), name)) {
                    continue;
                }
                Optional<String> dead = HolderProcess.deadReason(held.process(), processStarted(connection, held));
                if (dead.isPresent()) {
                    delete(connection, held.fence());
                    takenOver.add(new TakenOver(held, dead.get()));
                } else {
                    blockers.add(held);
                }
            }
            if (!blockers.isEmpty()) {
                return new Grant(null, List.copyOf(blockers), List.copyOf(takenOver));
            }
            LockHolder granted = new LockHolder(name, nextFence(connection), holder, process, now, now.plus(lease),
                    Optional.empty());
            insert(connection, granted, processStart);
            return new Grant(granted, List.of(), List.copyOf(takenOver));
        });
    }

    /** The live leases that would refuse {@code name} now (those of dead processes on this host excepted). */
    List<LockHolder> blockers(LockName name, LockCompatibility compatibility) {
        return db.read(connection -> {
            List<LockHolder> blockers = new ArrayList<>();
            for (LockHolder held : liveOverlapping(connection, name.resource(), now())) {
                // A dead process's lease would be taken over by the next acquisition: it refuses nothing.
                if (compatibility.conflict(held.lock(), name)
                        && HolderProcess.deadReason(held.process(), processStarted(connection, held)).isEmpty()) {
                    blockers.add(held);
                }
            }
            return blockers;
        });
    }

    /** Every live lease, oldest first. */
    List<LockHolder> live() {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM lock_lease WHERE expires_at > ? ORDER BY fence")) {
                select.setLong(1, now().toEpochMilli());
                return holders(select);
            }
        });
    }

    /** Extends the lease with {@code fence} to now + {@code lease}, with the holder's latest progress. */
    Renewal renew(long fence, Duration lease, String progress) {
        return db.write(connection -> {
            Instant now = now();
            Instant until = now.plus(lease);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE lock_lease SET expires_at = ?, progress = ? WHERE fence = ? AND expires_at > ?")) {
                update.setLong(1, until.toEpochMilli());
                update.setString(2, progress);
                update.setLong(3, fence);
                update.setLong(4, now.toEpochMilli());
                if (update.executeUpdate() == 1) {
                    return Renewal.until(until);
                }
            }
            return Renewal.lost(lossReason(connection, fence, now).orElseThrow());
        });
    }

    /** Why the lease with {@code fence} is no longer held, or empty while it is. */
    Optional<String> lossReason(long fence) {
        return db.read(connection -> lossReason(connection, fence, now()));
    }

    /** Deletes the lease with {@code fence} — only that one, never a later holder's. False if it was gone already. */
    boolean release(long fence) {
        return db.write(connection -> delete(connection, fence));
    }

    private static boolean delete(Connection connection, long fence) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lock_lease WHERE fence = ?")) {
            delete.setLong(1, fence);
            return delete.executeUpdate() == 1;
        }
    }

    /** When the holder of {@code lease} started, as it recorded; empty for leases taken before that was recorded. */
    private static Optional<Instant> processStarted(Connection connection, LockHolder lease) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT process_started_at FROM lock_lease WHERE fence = ?")) {
            select.setLong(1, lease.fence());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long millis = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
            }
        }
    }

    /** A renewal's outcome: the new expiry, or why the lease was lost. */
    record Renewal(Instant expiresAt, String lostBecause) {
        static Renewal until(Instant expiresAt) {
            return new Renewal(expiresAt, null);
        }

        static Renewal lost(String reason) {
            return new Renewal(null, reason);
        }

        boolean renewed() {
            return expiresAt != null;
        }
    }

    private Instant now() {
        // Stored in milliseconds; truncating here keeps what we return equal to what others read back.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Optional<String> lossReason(Connection connection, long fence, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT expires_at FROM lock_lease WHERE fence = ?")) {
            select.setLong(1, fence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.of("its lease is no longer in the database (it expired and was swept by the next"
                            + " holder, or was removed)");
                }
                Instant expiresAt = Instant.ofEpochMilli(row.getLong(1));
                return expiresAt.isAfter(now) ? Optional.empty()
                        : Optional.of("its lease expired at " + expiresAt + " before it was renewed");
            }
        }
    }

    /** Expired leases count as free; deleting them here keeps the table small without a janitor. */
    private static void sweepExpired(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lock_lease WHERE expires_at <= ?")) {
            delete.setLong(1, now.toEpochMilli());
            delete.executeUpdate();
        }
    }

    /**
     * Live leases on {@code resource}, on its ancestors, or on its descendants. Descendants of {@code a:1} are the
     * paths starting with {@code a:1/}: in binary order, those from {@code "a:1/"} up to (not incl.) {@code "a:10"},
     * since '0' follows '/' — a range the resource index answers.
     */
    private static List<LockHolder> liveOverlapping(Connection connection, LockResource resource, Instant now)
            throws SQLException {
        List<String> sameOrAncestors = new ArrayList<>();
        sameOrAncestors.add(resource.path());
        resource.ancestors().forEach(ancestor -> sameOrAncestors.add(ancestor.path()));
        String placeholders = String.join(", ", Collections.nCopies(sameOrAncestors.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM lock_lease"
                + " WHERE expires_at > ? AND (resource IN (" + placeholders + ") OR (resource >= ? AND resource < ?))"
                + " ORDER BY fence")) {
            int index = 1;
            select.setLong(index++, now.toEpochMilli());
            for (String path : sameOrAncestors) {
                select.setString(index++, path);
            }
            select.setString(index++, resource.path() + LockResource.SEPARATOR);
            select.setString(index, resource.path() + (char) (LockResource.SEPARATOR + 1));
            return holders(select);
        }
    }

    /** The next fencing token: the counter row is only ever incremented, in the same transaction as the insert. */
    private static long nextFence(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(
                "UPDATE lock_fence SET last_fence = last_fence + 1 WHERE id = 1 RETURNING last_fence");
                ResultSet row = next.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("lock_fence has no counter row; was migration V2__locks.sql applied?");
            }
            return row.getLong(1);
        }
    }

    private static void insert(Connection connection, LockHolder lease, Optional<Instant> processStart)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lock_lease (" + COLUMNS
                + ", process_started_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
            insert.setLong(1, lease.fence());
            insert.setString(2, lease.lock().resource().path());
            insert.setString(3, lease.lock().purpose());
            insert.setString(4, lease.holder());
            insert.setString(5, lease.process());
            insert.setLong(6, lease.since().toEpochMilli());
            insert.setLong(7, lease.expiresAt().toEpochMilli());
            if (processStart.isPresent()) {
                insert.setLong(8, processStart.get().toEpochMilli());
            } else {
                insert.setNull(8, java.sql.Types.INTEGER);
            }
            insert.executeUpdate();
        }
    }

    private static List<LockHolder> holders(PreparedStatement select) throws SQLException {
        List<LockHolder> holders = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                holders.add(new LockHolder(
                        new LockName(new LockResource(row.getString("resource")), row.getString("purpose")),
                        row.getLong("fence"), row.getString("holder"), row.getString("process"),
                        Instant.ofEpochMilli(row.getLong("acquired_at")), Instant.ofEpochMilli(row.getLong("expires_at")),
                        Optional.ofNullable(row.getString("progress"))));
            }
        }
        return holders;
    }
}
