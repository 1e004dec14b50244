package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_COUNT;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_THUMBNAIL;
import static studio.timelapse.desktop.library.schema.Tables.SYNC_CURSOR;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

final class JooqFrames implements Frames {
    /** Pages larger than this are split by the caller: a page is for a screen or a chunk of work. */
    static final int MAX_PAGE = 10_000;
    /** Values per IN list: well under SQLite's limit on variables, big enough to need few statements. */
    private static final int LOOKUP_CHUNK = 500;
    /** Rows per multi-row INSERT: 12 values each, well under SQLite's 32,766 variables a statement. */
    private static final int INSERT_ROWS = 500;

    private final Library library;

    JooqFrames(Library library) {
        this.library = library;
    }

    @Override
    public Stored insertCameraFrame(String cameraId, NewCameraFrame frame) {
        return library.write(sql -> insertCameraFrames(sql, streamId(sql, cameraId), cameraId, List.of(frame)).get(0));
    }

    @Override
    public List<Stored> storeSynced(String cameraId, List<NewCameraFrame> frames, FrameId cursor) {
        return library.database().writeDurably(storingSynced(cameraId, frames, cursor));
    }

    @Override
    public SqlWork<List<Stored>> storingSynced(String cameraId, List<NewCameraFrame> frames, FrameId cursor) {
        List<NewCameraFrame> batch = List.copyOf(frames);
        return library.jooq(sql -> {
            List<Stored> stored = insertCameraFrames(sql, streamId(sql, cameraId), cameraId, batch);
            long now = library.clock().millis();
            sql.insertInto(SYNC_CURSOR).set(SYNC_CURSOR.CAMERA_ID, cameraId).set(SYNC_CURSOR.EPOCH, cursor.epoch())
                    .set(SYNC_CURSOR.SEQ, cursor.sequence()).set(SYNC_CURSOR.UPDATED_AT, now)
                    .onConflict(SYNC_CURSOR.CAMERA_ID).doUpdate()
                    .set(SYNC_CURSOR.EPOCH, cursor.epoch()).set(SYNC_CURSOR.SEQ, cursor.sequence())
                    .set(SYNC_CURSOR.UPDATED_AT, now).execute();
            return stored;
        });
    }

    /**
     * Inserts the frames not stored yet, in one multi-row statement per few hundred; answers for every frame given, in order. Frames
     * already stored are found first (a look-up per few hundred frames in the camera+epoch+seq index) rather than
     * by catching conflicts, so that any other conflict — two frames claiming one path — still fails loudly.
     */
    private List<Stored> insertCameraFrames(DSLContext sql, long stream, String cameraId, List<NewCameraFrame> frames) {
        Map<FrameId, Stored> stored = storedAmong(sql, cameraId, frames.stream().map(NewCameraFrame::id).toList(),
                false);
        Map<FrameId, NewCameraFrame> missing = new LinkedHashMap<>();
        for (NewCameraFrame frame : frames) {
            if (!stored.containsKey(frame.id())) {
                missing.putIfAbsent(frame.id(), frame);
            }
        }
        if (!missing.isEmpty()) {
            long now = library.clock().millis();
            List<NewCameraFrame> rows = List.copyOf(missing.values());
            for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
                var insert = sql.insertInto(FRAME, FRAME.ORIGIN_SEQUENCE_ID, FRAME.CAMERA_ID, FRAME.EPOCH, FRAME.SEQ,
                        FRAME.CAPTURED_AT, FRAME.UTC_OFFSET_S, FRAME.SHA256, FRAME.SIZE, FRAME.WIDTH, FRAME.HEIGHT,
                        FRAME.PATH, FRAME.ADDED_AT);
                for (NewCameraFrame frame : rows.subList(from, Math.min(rows.size(), from + INSERT_ROWS))) {
                    insert = insert.values(key(stream), cameraId, frame.id().epoch(), frame.id().sequence(),
                            frame.capturedAt().toEpochMilli(), frame.utcOffsetSeconds(), frame.sha256(), frame.size(),
                            FrameRows.dimension(frame.width()), FrameRows.dimension(frame.height()), frame.path(), now);
                }
                insert.execute();
            }
            stored.putAll(storedAmong(sql, cameraId, List.copyOf(missing.keySet()), true));
        }
        return frames.stream().map(frame -> stored.get(frame.id())).toList();
    }

    /** The stored frames among {@code ids}, looked up a few hundred at a time in the camera+epoch+seq index. */
    private static Map<FrameId, Stored> storedAmong(DSLContext sql, String cameraId, List<FrameId> ids,
            boolean inserted) {
        Map<FrameId, Stored> found = new HashMap<>();
        Map<String, List<Long>> byEpoch = new LinkedHashMap<>();
        ids.forEach(id -> byEpoch.computeIfAbsent(id.epoch(), epoch -> new ArrayList<>()).add(id.sequence()));
        for (Map.Entry<String, List<Long>> epoch : byEpoch.entrySet()) {
            List<Long> seqs = epoch.getValue();
            for (int from = 0; from < seqs.size(); from += LOOKUP_CHUNK) {
                sql.select(FRAME.ID, FRAME.SEQ, FRAME.PATH).from(FRAME)
                        .where(FRAME.CAMERA_ID.eq(cameraId)).and(FRAME.EPOCH.eq(epoch.getKey()))
                        .and(FRAME.SEQ.in(seqs.subList(from, Math.min(seqs.size(), from + LOOKUP_CHUNK))))
                        .forEach(row -> found.put(new FrameId(epoch.getKey(), row.value2()),
                                new Stored(row.value1(), inserted, row.value3())));
            }
        }
        return found;
    }

    /** The partial unique index on (camera_id, epoch, seq) serves this; it needs the camera_id IS NOT NULL term. */
    private static Condition cameraFrame(String cameraId, FrameId id) {
        return FRAME.CAMERA_ID.eq(cameraId).and(FRAME.EPOCH.eq(id.epoch())).and(FRAME.SEQ.eq(id.sequence()));
    }

    private static long streamId(DSLContext sql, String cameraId) {
        return JooqSequences.streamOf(sql, cameraId).map(Sequence::id)
                .orElseThrow(() -> JooqCameras.unknown(cameraId));
    }

    @Override
    public Optional<FrameId> syncCursor(String cameraId) {
        return library.read(sql -> sql.select(SYNC_CURSOR.EPOCH, SYNC_CURSOR.SEQ).from(SYNC_CURSOR)
                .where(SYNC_CURSOR.CAMERA_ID.eq(cameraId)).fetchOptional(row -> new FrameId(row.value1(), row.value2())));
    }

    @Override
    public Stored insertImportedFrame(NewImportedFrame frame) {
        return library.write(sql -> {
            Optional<Sequence> sequence = JooqSequences.find(sql, frame.importSequenceId());
            if (sequence.isEmpty() || sequence.get().kind() != SequenceKind.IMPORT) {
                throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "sequence.not_an_import",
                        "sequence " + frame.importSequenceId() + " is not an import of this library",
                        "create the import first (Sequences.createImport)"));
            }
            Optional<Stored> present = sql.select(FRAME.ID, FRAME.PATH).from(FRAME).where(imported(frame.sha256()))
                    .fetchOptional(row -> new Stored(row.value1(), false, row.value2()));
            if (present.isPresent()) {
                return present.get();
            }
            long id = sql.insertInto(FRAME)
                    .set(FRAME.ORIGIN_SEQUENCE_ID, Math.toIntExact(frame.importSequenceId()))
                    .set(FRAME.CAPTURED_AT, frame.capturedAt().toEpochMilli())
                    .set(FRAME.UTC_OFFSET_S, frame.utcOffsetSeconds())
                    .set(FRAME.SHA256, frame.sha256()).set(FRAME.SIZE, frame.size())
                    .set(FRAME.WIDTH, FrameRows.dimension(frame.width()))
                    .set(FRAME.HEIGHT, FrameRows.dimension(frame.height()))
                    .set(FRAME.PATH, frame.path()).set(FRAME.ADDED_AT, library.clock().millis())
                    .returning(FRAME.ID).fetchOne(FRAME.ID);
            return new Stored(id, true, frame.path());
        });
    }

    /** The partial unique index on sha256 covers imported frames only; the camera_id IS NULL term selects it. */
    private static Condition imported(String sha256) {
        return FRAME.CAMERA_ID.isNull().and(FRAME.SHA256.eq(sha256));
    }

    @Override
    public Optional<Frame> find(long frameId) {
        return library.read(sql -> FrameRows.first(sql.select(FrameRows.COLUMNS).from(FRAME)
                .where(FRAME.ID.eq(key(frameId)))));
    }

    @Override
    public Optional<Frame> findCameraFrame(String cameraId, FrameId id) {
        return library.read(sql -> FrameRows.first(sql.select(FrameRows.COLUMNS).from(FRAME)
                .where(cameraFrame(cameraId, id))));
    }

    @Override
    public Optional<Frame> findImported(String sha256) {
        return library.read(sql -> FrameRows.first(sql.select(FrameRows.COLUMNS).from(FRAME)
                .where(imported(sha256))));
    }

    /** From the counts the triggers keep (see V1__library.sql): no counting of rows. */
    @Override
    public long count() {
        return library.read(sql -> {
            Long frames = sql.select(DSL.sum(FRAME_COUNT.FRAMES).cast(Long.class)).from(FRAME_COUNT).fetchOne().value1();
            return frames == null ? 0L : frames;
        });
    }

    @Override
    public long countInOrigin(long originSequenceId) {
        return library.read(sql -> originCount(sql, originSequenceId, true));
    }

    private static long originCount(DSLContext sql, long originSequenceId, boolean includeRejected) {
        return sql.select(FRAME_COUNT.FRAMES, FRAME_COUNT.REJECTED).from(FRAME_COUNT)
                .where(FRAME_COUNT.ORIGIN_SEQUENCE_ID.eq(key(originSequenceId)))
                .fetchOptional(row -> includeRejected ? row.value1() : row.value1() - row.value2()).orElse(0L);
    }

    @Override
    public Page ofCamera(String cameraId, CaptureRange range, Optional<PageCursor> after, int limit) {
        requireLimit(limit);
        return library.read(sql -> {
            List<Frame> frames = scan(sql, FRAME.CAMERA_ID.eq(cameraId), range, true,
                    after.map(PageCursor::position), limit + 1);
            return page(frames, limit);
        });
    }

    @Override
    public long countInSequence(long sequenceId) {
        return library.read(sql -> {
            Sequence sequence = sequence(sql, sequenceId);
            if (sequence.definition().isEmpty()) {
                return originCount(sql, sequenceId, true);
            }
            return new SequenceResolver(sql, sequence.definition().get(), library::daylightAt).count();
        });
    }

    @Override
    public Page ofSequence(long sequenceId, Optional<PageCursor> after, int limit) {
        requireLimit(limit);
        return library.read(sql -> {
            Sequence sequence = sequence(sql, sequenceId);
            if (sequence.definition().isEmpty()) {
                List<Frame> frames = scan(sql, FRAME.ORIGIN_SEQUENCE_ID.eq(key(sequenceId)), CaptureRange.ALL, true,
                        after.map(PageCursor::position), limit + 1);
                return page(frames, limit);
            }
            return new SequenceResolver(sql, sequence.definition().get(), library::daylightAt).page(after, limit);
        });
    }

    private static Sequence sequence(DSLContext sql, long sequenceId) {
        return JooqSequences.find(sql, sequenceId).orElseThrow(() -> new RefusedException(Refusal.of(
                Refusal.Kind.NOT_FOUND, "sequence.unknown", "there is no sequence " + sequenceId,
                "list them with 'timelapse sequences list'")));
    }

    private static Page page(List<Frame> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new Page(fetched, Optional.empty());
        }
        List<Frame> frames = fetched.subList(0, limit);
        return new Page(frames, Optional.of(PageCursor.after(frames.get(limit - 1).position())));
    }

    /**
     * One range scan of an index on ({@code where}'s column, captured_at), continuing after a position: the
     * {@code captured_at >=} bound starts the scan there, and the OR term skips the few frames of the same millisecond
     * that were already given (SQLite appends the rowid to every index, so the order needs no sort).
     */
    static List<Frame> scan(DSLContext sql, Condition where, CaptureRange range, boolean includeRejected,
            Optional<FramePosition> after, int limit) {
        return FrameRows.frames(scanQuery(sql, FrameRows.COLUMNS, where, range, includeRejected, after, limit));
    }

    static ResultQuery<Record> scanQuery(DSLContext sql, List<Field<?>> columns, Condition where, CaptureRange range,
            boolean includeRejected, Optional<FramePosition> after, int limit) {
        // One lower bound, the later of the two: SQLite starts the index range at one bound only.
        Optional<Long> from = range.from().map(Instant::toEpochMilli);
        Condition condition = where;
        if (after.isPresent()) {
            long at = after.get().capturedAt().toEpochMilli();
            from = Optional.of(Math.max(at, from.orElse(Long.MIN_VALUE)));
            condition = condition.and(FRAME.CAPTURED_AT.gt(at).or(FRAME.ID.gt(key(after.get().frameId()))));
        }
        return sql.select(columns).from(FRAME).where(condition.and(inRange(from, range, includeRejected)))
                .orderBy(FRAME.CAPTURED_AT, FRAME.ID).limit(limit);
    }

    /** How many frames {@link #scan} would list from the start, counted in the same index. */
    static long countRange(DSLContext sql, Condition where, CaptureRange range, boolean includeRejected) {
        return sql.fetchCount(FRAME, where.and(inRange(range.from().map(Instant::toEpochMilli), range,
                includeRejected)));
    }

    /** As {@link #countRange} for a whole stream or import: from the kept counts when the range is unbounded. */
    static long countInOrigin(DSLContext sql, long originSequenceId, CaptureRange range, boolean includeRejected) {
        if (range.equals(CaptureRange.ALL)) {
            return originCount(sql, originSequenceId, includeRejected);
        }
        return countRange(sql, FRAME.ORIGIN_SEQUENCE_ID.eq(key(originSequenceId)), range, includeRejected);
    }

    private static Condition inRange(Optional<Long> fromMillis, CaptureRange range, boolean includeRejected) {
        Condition condition = DSL.noCondition();
        if (fromMillis.isPresent()) {
            condition = condition.and(FRAME.CAPTURED_AT.ge(fromMillis.get()));
        }
        if (range.to().isPresent()) {
            condition = condition.and(FRAME.CAPTURED_AT.lt(range.toMillis()));
        }
        // Inlined: SQLite picks the partial index of kept frames only for a literal 0.
        return includeRejected ? condition : condition.and(FRAME.REJECTED.eq(DSL.inline(0)));
    }

    @Override
    public void reject(long frameId) {
        setRejected(frameId, 1);
    }

    @Override
    public void restore(long frameId) {
        setRejected(frameId, 0);
    }

    private void setRejected(long frameId, int rejected) {
        library.write(sql -> {
            if (sql.update(FRAME).set(FRAME.REJECTED, rejected).where(FRAME.ID.eq(key(frameId))).execute() == 0) {
                throw unknownFrame(frameId);
            }
            return null;
        });
    }

    @Override
    public void recordIngest(long frameId, FrameAnalysis analysis) {
        recordIngest(Map.of(frameId, analysis));
    }

    @Override
    public void recordIngest(Map<Long, FrameAnalysis> analyses) {
        library.database().write(recordingIngest(analyses));
    }

    /** Two prepared batches: the frames' rows, then their thumbnails (kept by the frames' origin and capture time). */
    @Override
    public SqlWork<Void> recordingIngest(Map<Long, FrameAnalysis> analyses) {
        Map<Long, FrameAnalysis> results = Map.copyOf(analyses);
        return library.jooq(sql -> {
            if (results.isEmpty()) {
                return null;
            }
            List<Integer> keys = results.keySet().stream().map(JooqFrames::key).toList();
            // Where each frame's thumbnail goes: the thumbnails are kept in the order of the frames' positions.
            Map<Integer, ThumbnailKey> known = new HashMap<>();
            for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
                sql.select(FRAME.ID, FRAME.ORIGIN_SEQUENCE_ID, FRAME.CAPTURED_AT).from(FRAME)
                        .where(FRAME.ID.in(keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK))))
                        .forEach(row -> known.put(row.value1(), new ThumbnailKey(row.value2(), row.value3())));
            }
            Optional<Long> unknown = results.keySet().stream().filter(id -> !known.containsKey(key(id))).findFirst();
            if (unknown.isPresent()) {
                throw unknownFrame(unknown.get());
            }
            long now = library.clock().millis();
            BatchBindStep rows = sql.batch(sql.update(FRAME)
                    .set(FRAME.INGESTED_AT, (Long) null).set(FRAME.MEAN_LUMA, (Double) null)
                    .set(FRAME.HISTOGRAM, (byte[]) null).set(FRAME.EXPOSURE_TIME_S, (Double) null)
                    .set(FRAME.F_NUMBER, (Double) null).set(FRAME.ISO, (Integer) null)
                    .set(FRAME.WIDTH, (Integer) null).set(FRAME.HEIGHT, (Integer) null)
                    .set(FRAME.JUDGED_NIGHT, (Integer) null)
                    .where(FRAME.ID.eq((Integer) null)));
            BatchBindStep thumbnails = sql.batch(sql.insertInto(FRAME_THUMBNAIL, FRAME_THUMBNAIL.ORIGIN_SEQUENCE_ID,
                            FRAME_THUMBNAIL.CAPTURED_AT, FRAME_THUMBNAIL.FRAME_ID, FRAME_THUMBNAIL.WIDTH,
                            FRAME_THUMBNAIL.HEIGHT, FRAME_THUMBNAIL.JPEG)
                    .values((Integer) null, null, null, null, null, null)
                    .onConflict(FRAME_THUMBNAIL.ORIGIN_SEQUENCE_ID, FRAME_THUMBNAIL.CAPTURED_AT,
                            FRAME_THUMBNAIL.FRAME_ID).doUpdate()
                    .set(FRAME_THUMBNAIL.WIDTH, DSL.excluded(FRAME_THUMBNAIL.WIDTH))
                    .set(FRAME_THUMBNAIL.HEIGHT, DSL.excluded(FRAME_THUMBNAIL.HEIGHT))
                    .set(FRAME_THUMBNAIL.JPEG, DSL.excluded(FRAME_THUMBNAIL.JPEG)));
            boolean anyThumbnail = false;
            for (Map.Entry<Long, FrameAnalysis> result : results.entrySet()) {
                FrameAnalysis analysis = result.getValue();
                Exposure exposure = analysis.exposure();
                rows = rows.bind(now, analysis.meanLuma(), FrameRows.histogramBytes(analysis.histogram()),
                        exposure.timeSeconds().isPresent() ? exposure.timeSeconds().getAsDouble() : null,
                        exposure.fNumber().isPresent() ? exposure.fNumber().getAsDouble() : null,
                        exposure.iso().isPresent() ? exposure.iso().getAsInt() : null,
                        analysis.width(), analysis.height(),
                        Daylight.judgedNight(analysis.meanLuma(), exposure) ? 1 : 0, key(result.getKey()));
                if (analysis.thumbnail().isPresent()) {
                    Thumbnail thumbnail = analysis.thumbnail().get();
                    ThumbnailKey at = known.get(key(result.getKey()));
                    thumbnails = thumbnails.bind(at.originSequenceId(), at.capturedAt(), key(result.getKey()),
                            thumbnail.width(), thumbnail.height(), thumbnail.jpeg());
                    anyThumbnail = true;
                }
            }
            rows.execute();
            if (anyThumbnail) {
                thumbnails.execute();
            }
            return null;
        });
    }

    @Override
    public List<Frame> notIngested(int limit) {
        requireLimit(limit);
        return library.read(sql -> FrameRows.frames(sql.select(FrameRows.COLUMNS).from(FRAME)
                .where(FRAME.INGESTED_AT.isNull()).orderBy(FRAME.ID).limit(limit)));
    }

    @Override
    public Optional<Thumbnail> thumbnail(long frameId) {
        return Optional.ofNullable(thumbnails(List.of(frameId)).get(frameId));
    }

    @Override
    public Map<Long, Thumbnail> thumbnails(Collection<Long> frameIds) {
        if (frameIds.isEmpty()) {
            return Map.of();
        }
        List<Integer> keys = frameIds.stream().distinct().map(JooqFrames::key).toList();
        // Each frame's row gives its thumbnail's key; SQLite takes the ids in ascending order, so a page of a
        // stream reads its thumbnails forwards through one stretch of the file.
        return library.read(sql -> sql.select(FRAME.ID, FRAME_THUMBNAIL.WIDTH, FRAME_THUMBNAIL.HEIGHT,
                        FRAME_THUMBNAIL.JPEG)
                .from(FRAME).join(FRAME_THUMBNAIL)
                .on(FRAME_THUMBNAIL.ORIGIN_SEQUENCE_ID.eq(FRAME.ORIGIN_SEQUENCE_ID)
                        .and(FRAME_THUMBNAIL.CAPTURED_AT.eq(FRAME.CAPTURED_AT))
                        .and(FRAME_THUMBNAIL.FRAME_ID.eq(FRAME.ID)))
                .where(FRAME.ID.in(keys))
                .fetchMap(row -> (long) row.value1(), row -> new Thumbnail(row.value2(), row.value3(), row.value4())));
    }

    /** Where a frame's thumbnail is kept: by the frame's origin and capture time (see V41). */
    private record ThumbnailKey(int originSequenceId, long capturedAt) {}

    private static RefusedException unknownFrame(long frameId) {
        return new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "frame.unknown",
                "there is no frame " + frameId + " in the library"));
    }

    static int key(long id) {
        return Math.toIntExact(id);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1–" + MAX_PAGE + " frames, asked for " + limit);
        }
    }
}
