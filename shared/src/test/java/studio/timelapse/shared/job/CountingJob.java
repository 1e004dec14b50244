package studio.timelapse.shared.job;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.lock.LockName;
import studio.timelapse.shared.lock.LockPolicy;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * A test job of {@code chunks} chunks; each chunk records its index in {@code side_effect} in the same transaction
 * as its checkpoint, so a test can count how often each chunk's work happened.
 */
final class CountingJob implements JobType<CountingJob.Params, CountingJob.Position> {
    record Params(int chunks, long chunkMillis, int failAttempts, boolean permanentFailure) {
        static Params of(int chunks, long chunkMillis) {
            return new Params(chunks, chunkMillis, 0, false);
        }
    }

    record Position(int next) {}

    private final String name;
    private final String queue;
    private final RetryPolicy retry;
    private final Optional<Duration> expected;
    private boolean announceChunks;
    private List<LockName> locks = List.of();

    CountingJob(String name, String queue, RetryPolicy retry, Optional<Duration> expected) {
        this.name = name;
        this.queue = queue;
        this.retry = retry;
        this.expected = expected;
    }

    /** Holds {@code lock} while it runs, rescheduling after {@code retry} when another holder has it. */
    CountingJob holding(String lock, Duration retry) {
        locks = List.of(LockName.parse(lock));
        lockRetry = retry;
        return this;
    }

    private Duration lockRetry = Duration.ofSeconds(10);

    @Override
    public List<LockName> locks(Params parameters) {
        return locks;
    }

    @Override
    public LockPolicy lockPolicy() {
        return LockPolicy.rescheduleAfter(lockRetry);
    }

    /** Prints "CHUNK n" after each chunk, for a parent process that waits to kill this one mid-run. */
    CountingJob announcingChunks() {
        announceChunks = true;
        return this;
    }

    static CountingJob inQueue(String queue) {
        return new CountingJob("test:count", queue, RetryPolicy.standard().withDelays(Duration.ofMillis(50),
                Duration.ofMillis(200)), Optional.empty());
    }

    static void createSideEffectTable(SqliteDatabase db) {
        db.write(connection -> connection.createStatement().executeUpdate(
                "CREATE TABLE IF NOT EXISTS side_effect (job_id INTEGER, chunk INTEGER, attempt INTEGER)"));
    }

    /** A chunk's work, in the transaction of its checkpoint: a row in {@code side_effect}. */
    static int recordChunk(java.sql.Connection connection, JobContext<?, ?> context, int chunk)
            throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO side_effect (job_id, chunk, attempt) VALUES (?, ?, ?)")) {
            insert.setLong(1, context.jobId());
            insert.setInt(2, chunk);
            insert.setInt(3, context.attempt());
            return insert.executeUpdate();
        }
    }

    /** The chunks whose work happened for {@code jobId}, in order; a chunk done twice appears twice. */
    static List<Integer> sideEffects(SqliteDatabase db, long jobId) {
        return db.read(connection -> {
            List<Integer> chunks = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT chunk FROM side_effect WHERE job_id = " + jobId + " ORDER BY chunk")) {
                while (rs.next()) {
                    chunks.add(rs.getInt(1));
                }
            }
            return chunks;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public Class<Position> checkpointType() {
        return Position.class;
    }

    @Override
    public RetryPolicy retry() {
        return retry;
    }

    @Override
    public Optional<Duration> expectedDuration() {
        return expected;
    }

    @Override
    public void run(JobContext<Params, Position> context) throws Exception {
        Params params = context.parameters();
        if (context.attempt() <= params.failAttempts()) {
            if (params.permanentFailure()) {
                throw new IllegalArgumentException("frame 17 is not a JPEG");
            }
            throw new java.io.IOException("camera offline (attempt " + context.attempt() + ")");
        }
        context.total(params.chunks(), "chunks");
        int start = context.checkpoint().map(Position::next).orElse(0);
        for (int chunk = start; chunk < params.chunks(); chunk++) {
            Thread.sleep(params.chunkMillis());
            int index = chunk;
            context.chunkDone(new Position(chunk + 1), 1, connection -> recordChunk(connection, context, index));
            if (announceChunks) {
                System.out.println("CHUNK " + index);
            }
        }
    }
}
