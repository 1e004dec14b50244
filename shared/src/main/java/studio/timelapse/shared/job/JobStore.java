package studio.timelapse.shared.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.db.SqliteDatabase;

/** The job tables: every state change is one short write transaction. */
final class JobStore {
    private static final String COLUMNS = "id, type, queue, priority, idempotency_key, params, state, attempts, "
            + "max_attempts, checkpoint, chunks_done, progress_done, progress_total, progress_unit, run_after_ms, "
            + "created_ms, started_ms, finished_ms, heartbeat_ms, owner, cancel_requested, last_error, task_uuid, "
            + "submitted_in";

    private final SqliteDatabase db;

    JobStore(SqliteDatabase db) {
        this.db = db;
    }

    record NewJob(String type, String queue, int priority, Optional<String> key, String params, int maxAttempts,
            Instant runAfter, Instant now, Optional<String> submittedIn) {}

    /** Inserts the job, or returns the existing one with the same type and idempotency key. */
    Job insert(NewJob job) {
        return db.writeDurably(connection -> {
            if (job.key().isPresent()) {
                Optional<Job> existing = queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE type = ? AND idempotency_key = ?",
                        job.type(), job.key().get());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO job (type, queue, priority, "
                    + "idempotency_key, params, state, max_attempts, run_after_ms, created_ms, submitted_in) "
                    + "VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) RETURNING id")) {
                bind(insert, job.type(), job.queue(), job.priority(), job.key().orElse(null), job.params(),
                        job.maxAttempts(), job.runAfter().toEpochMilli(), job.now().toEpochMilli(),
                        job.submittedIn().orElse(null));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            return queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", id).orElseThrow();
        });
    }

    /**
     * Takes the next job this runner can run from {@code queue}: interrupted jobs first (they were running), then by
     * priority and age. Marks it running, owned by {@code owner}.
     */
    Optional<Job> claimNext(String queue, Collection<String> types, String owner, Instant now) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        String typeList = String.join(",", types.stream().map(t -> "?").toList());
        return db.write(connection -> {
            List<Object> args = new ArrayList<>(List.of(queue, now.toEpochMilli()));
            args.addAll(types);
            Optional<Job> next = queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE queue = ? "
                    + "AND state IN ('queued', 'interrupted') AND run_after_ms <= ? AND cancel_requested = 0 "
                    + "AND type IN (" + typeList + ") "
                    + "ORDER BY state = 'interrupted' DESC, priority DESC, run_after_ms, id LIMIT 1", args.toArray());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            update(connection, "UPDATE job SET state = 'running', owner = ?, attempts = attempts + 1, started_ms = ?, "
                    + "heartbeat_ms = ?, finished_ms = NULL WHERE id = ?", owner, now.toEpochMilli(),
                    now.toEpochMilli(), next.get().id());
            return queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", next.get().id());
        });
    }

    /** What a chunk boundary learns from the database. */
    record ChunkOutcome(boolean stillOwned, boolean cancelRequested) {}

    /** Saves a finished chunk with its own changes, if this runner still owns the job. */
    ChunkOutcome saveChunk(long id, String owner, String checkpoint, long units, Instant now, SqlWork<?> alongside) {
        return db.write(connection -> {
            Optional<Job> job = queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", id);
            if (job.isEmpty() || job.get().state() != JobState.RUNNING || !job.get().owner().orElse("").equals(owner)) {
                return new ChunkOutcome(false, job.map(Job::cancelRequested).orElse(false));
            }
            update(connection, "UPDATE job SET checkpoint = ?, chunks_done = chunks_done + 1, "
                    + "progress_done = COALESCE(progress_done, 0) + ?, heartbeat_ms = ? WHERE id = ?",
                    checkpoint, units, now.toEpochMilli(), id);
            if (alongside != null) {
                alongside.run(connection);
            }
            return new ChunkOutcome(true, job.get().cancelRequested());
        });
    }

    void setTotal(long id, long total, String unit) {
        db.write(connection -> update(connection, "UPDATE job SET progress_total = ?, progress_unit = ? WHERE id = ?",
                total, unit, id));
    }

    void setTaskUuid(long id, String taskUuid) {
        db.write(connection -> update(connection, "UPDATE job SET task_uuid = ? WHERE id = ?", taskUuid, id));
    }

    /**
     * Ends a run: the job goes to {@code next} (finished, back to the queue, or interrupted) and the run is recorded
     * for durations. Only the owner may do this.
     */
    boolean endRun(long id, String owner, JobState next, String outcome, Optional<String> error, Instant runAfter, Instant now) {
        return db.writeDurably(connection -> {
            Optional<Job> job = queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", id);
            if (job.isEmpty() || job.get().state() != JobState.RUNNING || !job.get().owner().orElse("").equals(owner)) {
                return false;
            }
            update(connection, "UPDATE job SET state = ?, owner = NULL, last_error = ?, run_after_ms = ?, "
                    + "finished_ms = ? WHERE id = ?", next.wire(), error.orElse(job.get().lastError().orElse(null)),
                    runAfter.toEpochMilli(), next.finished() ? now.toEpochMilli() : null, id);
            recordRun(connection, job.get(), outcome, now);
            return true;
        });
    }

    /**
     * Puts a claimed job back in the queue without counting the attempt: it could not start (a lock was held by other
     * work) and is tried again at {@code runAfter}.
     */
    boolean deferRun(long id, String owner, Instant runAfter, String reason) {
        return db.write(connection -> update(connection, "UPDATE job SET state = 'queued', owner = NULL, "
                + "attempts = attempts - 1, run_after_ms = ?, last_error = ? WHERE id = ? AND owner = ? "
                + "AND state = 'running'", runAfter.toEpochMilli(), reason, id, owner) == 1);
    }

    /**
     * Marks as interrupted every running job of this queue whose owner is gone: a process that died (killed, power
     * cut) never ended its runs.
     */
    List<Job> recoverAbandoned(Predicate<Job> ownerGone, Instant now) {
        return db.writeDurably(connection -> {
            List<Job> abandoned = query(connection, "SELECT " + COLUMNS + " FROM job WHERE state = 'running'")
                    .stream().filter(ownerGone).toList();
            for (Job job : abandoned) {
                update(connection, "UPDATE job SET state = 'interrupted', owner = NULL, run_after_ms = ?, "
                        + "last_error = ? WHERE id = ?", now.toEpochMilli(),
                        "interrupted: " + job.owner().orElse("?") + " stopped while running it", job.id());
                recordRun(connection, job, "interrupted", now);
            }
            return abandoned;
        });
    }

    /** What a cancel request did. */
    enum CancelOutcome {
        CANCELLED_NOW,
        REQUESTED,
        ALREADY_FINISHED,
        NO_SUCH_JOB
    }

    CancelOutcome requestCancel(long id, String why, Instant now) {
        return db.writeDurably(connection -> {
            Optional<Job> job = queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", id);
            if (job.isEmpty()) {
                return CancelOutcome.NO_SUCH_JOB;
            }
            JobState state = job.get().state();
            if (state.finished()) {
                return CancelOutcome.ALREADY_FINISHED;
            }
            if (state == JobState.RUNNING) {
                update(connection, "UPDATE job SET cancel_requested = 1, last_error = ? WHERE id = ?", why, id);
                return CancelOutcome.REQUESTED;
            }
            update(connection, "UPDATE job SET state = 'cancelled', cancel_requested = 1, last_error = ?, "
                    + "finished_ms = ? WHERE id = ?", why, now.toEpochMilli(), id);
            return CancelOutcome.CANCELLED_NOW;
        });
    }

    void heartbeat(String owner, Instant now) {
        db.write(connection -> update(connection, "UPDATE job SET heartbeat_ms = ? WHERE owner = ? AND state = 'running'",
                now.toEpochMilli(), owner));
    }

    Optional<Job> find(long id) {
        return db.read(connection -> queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", id));
    }

    List<Job> inStates(Collection<JobState> states) {
        String list = String.join(",", states.stream().map(s -> "'" + s.wire() + "'").toList());
        return db.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM job WHERE state IN (" + list
                + ") ORDER BY id"));
    }

    /** Finished runs' durations in milliseconds, per type, since {@code since}. */
    List<RunDuration> runsSince(Instant since) {
        return db.read(connection -> {
            List<RunDuration> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT type, finished_ms - started_ms, "
                    + "finished_ms, outcome FROM job_run WHERE finished_ms >= ? ORDER BY type, finished_ms")) {
                select.setLong(1, since.toEpochMilli());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.add(new RunDuration(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4)));
                    }
                }
            }
            return runs;
        });
    }

    record RunDuration(String type, long millis, Instant finishedAt, String outcome) {}

    private static void recordRun(Connection connection, Job job, String outcome, Instant now) throws SQLException {
        update(connection, "INSERT INTO job_run (job_id, type, attempt, started_ms, finished_ms, outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?)", job.id(), job.type(), job.attempts(),
                job.startedAt().orElse(now).toEpochMilli(), now.toEpochMilli(), outcome);
    }

    private static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    private static Optional<Job> queryOne(Connection connection, String sql, Object... args) throws SQLException {
        List<Job> jobs = query(connection, sql, args);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    private static List<Job> query(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs));
                }
            }
            return jobs;
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object value = args[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (value instanceof Long n) {
                statement.setLong(i + 1, n);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }

    private static Job read(ResultSet rs) throws SQLException {
        return new Job(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getString("queue"),
                rs.getInt("priority"),
                Optional.ofNullable(rs.getString("idempotency_key")),
                rs.getString("params"),
                JobState.fromWire(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                Optional.ofNullable(rs.getString("checkpoint")),
                rs.getLong("chunks_done"),
                optionalLong(rs, "progress_done"),
                optionalLong(rs, "progress_total"),
                Optional.ofNullable(rs.getString("progress_unit")),
                Instant.ofEpochMilli(rs.getLong("run_after_ms")),
                Instant.ofEpochMilli(rs.getLong("created_ms")),
                optionalLong(rs, "started_ms").map(Instant::ofEpochMilli),
                optionalLong(rs, "finished_ms").map(Instant::ofEpochMilli),
                optionalLong(rs, "heartbeat_ms").map(Instant::ofEpochMilli),
                Optional.ofNullable(rs.getString("owner")),
                rs.getInt("cancel_requested") != 0,
                Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(rs.getString("task_uuid")),
                Optional.ofNullable(rs.getString("submitted_in")));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
