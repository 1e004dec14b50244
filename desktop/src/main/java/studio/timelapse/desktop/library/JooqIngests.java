package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_INGEST_PROBLEM;

import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import studio.timelapse.shared.db.SqlWork;

final class JooqIngests implements Ingests {
    private final Library library;

    JooqIngests(Library library) {
        this.library = library;
    }

    /** Walks the partial index frame_not_ingested; flagged frames are few, each a primary-key probe. */
    private static Condition waiting(long afterFrameId, long upToFrameId) {
        return FRAME.INGESTED_AT.isNull()
                .and(FRAME.ID.gt(clamped(afterFrameId))).and(FRAME.ID.le(clamped(upToFrameId)))
                .andNotExists(DSL.selectOne().from(FRAME_INGEST_PROBLEM)
                        .where(FRAME_INGEST_PROBLEM.FRAME_ID.eq(FRAME.ID)));
    }

    /** Frame ids are SQLite rowids the schema maps to Java ints; a bound past them means "all". */
    private static int clamped(long frameId) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, frameId));
    }

    @Override
    public List<Frame> waiting(long afterFrameId, long upToFrameId, int limit) {
        if (limit < 1 || limit > JooqFrames.MAX_PAGE) {
            throw new IllegalArgumentException("a page is 1 to " + JooqFrames.MAX_PAGE + " frames, not " + limit);
        }
        return library.read(sql -> FrameRows.frames(sql.select(FrameRows.COLUMNS).from(FRAME)
                .where(waiting(afterFrameId, upToFrameId)).orderBy(FRAME.ID).limit(limit)));
    }

    @Override
    public long countWaiting(long afterFrameId, long upToFrameId) {
        return library.read(sql -> (long) sql.fetchCount(FRAME, waiting(afterFrameId, upToFrameId)));
    }

    @Override
    public long newestFrameId() {
        return library.read(sql -> {
            Integer newest = sql.select(DSL.max(FRAME.ID)).from(FRAME).fetchOne(0, Integer.class);
            return newest == null ? 0L : newest;
        });
    }

    @Override
    public SqlWork<Void> flagging(List<Problem> problems) {
        List<Problem> copy = List.copyOf(problems);
        return library.jooq(sql -> {
            for (Problem problem : copy) {
                int frame = JooqFrames.key(problem.frameId());
                long at = problem.foundAt().toEpochMilli();
                sql.insertInto(FRAME_INGEST_PROBLEM).set(FRAME_INGEST_PROBLEM.FRAME_ID, frame)
                        .set(FRAME_INGEST_PROBLEM.KIND, problem.kind()).set(FRAME_INGEST_PROBLEM.REASON, problem.reason())
                        .set(FRAME_INGEST_PROBLEM.FOUND_AT, at)
                        .onConflict(FRAME_INGEST_PROBLEM.FRAME_ID).doUpdate()
                        .set(FRAME_INGEST_PROBLEM.KIND, problem.kind()).set(FRAME_INGEST_PROBLEM.REASON, problem.reason())
                        .set(FRAME_INGEST_PROBLEM.FOUND_AT, at).execute();
            }
            return null;
        });
    }

    @Override
    public List<Problem> problems(int limit) {
        return library.read(sql -> sql.selectFrom(FRAME_INGEST_PROBLEM).orderBy(FRAME_INGEST_PROBLEM.FRAME_ID)
                .limit(limit).fetch(row -> new Problem(row.getFrameId(), row.getKind(), row.getReason(),
                        Instant.ofEpochMilli(row.getFoundAt()))));
    }

    @Override
    public int clearProblems() {
        return library.write(sql -> sql.deleteFrom(FRAME_INGEST_PROBLEM).execute());
    }
}
