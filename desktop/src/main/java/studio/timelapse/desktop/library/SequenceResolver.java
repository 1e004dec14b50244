package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.CAMERA;
import static studio.timelapse.desktop.library.schema.Tables.FRAME;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * A defined sequence's frames, one page at a time. Each source is read in capture order by range scans of the
 * (origin_sequence_id, captured_at) index, in batches; the sources are merged in capture order; then the daylight
 * rule and "every Nth" are applied in Java. Nothing scans more than the frames it passes over.
 */
final class SequenceResolver {
    private static final int MIN_BATCH = 64;
    private static final int MAX_BATCH = 4096;

    private final DSLContext sql;
    private final SequenceDefinition definition;
    private final Map<String, GeoPosition> locations;

    SequenceResolver(DSLContext sql, SequenceDefinition definition) {
        this.sql = sql;
        this.definition = definition;
        this.locations = definition.daytimeOnly() ? cameraLocations(sql) : Map.of();
    }

    private static Map<String, GeoPosition> cameraLocations(DSLContext sql) {
        return sql.selectFrom(CAMERA).where(CAMERA.LATITUDE.isNotNull()).fetch().stream()
                .collect(Collectors.toMap(row -> row.getId(), row -> GeoPosition.of(row.getLatitude(), row.getLongitude())));
    }

    Page page(Optional<PageCursor> after, int limit) {
        long seen = after.map(PageCursor::candidatesSeen).orElse(0L);
        int batch = (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, (long) limit * definition.every() + 1));
        Optional<FramePosition> start = after.map(PageCursor::position);
        PriorityQueue<SourceScan> merge = new PriorityQueue<>(Comparator.comparing(SourceScan::head));
        for (long source : definition.sources()) {
            SourceScan scan = new SourceScan(source, start, batch);
            if (scan.hasNext()) {
                merge.add(scan);
            }
        }
        List<Frame> frames = new ArrayList<>(limit);
        while (frames.size() < limit && !merge.isEmpty()) {
            SourceScan scan = merge.poll();
            Frame frame = scan.next();
            if (scan.hasNext()) {
                merge.add(scan);
            }
            if (definition.daytimeOnly() && !Daylight.of(frame, frame.cameraId().map(locations::get)).kept()) {
                continue;
            }
            if (seen % definition.every() == 0) {
                frames.add(frame);
            }
            seen++;
        }
        if (merge.isEmpty() || frames.isEmpty()) {
            return new Page(frames, Optional.empty());
        }
        Frame last = frames.get(frames.size() - 1);
        return new Page(frames, Optional.of(new PageCursor(last.capturedAt(), last.id(), seen)));
    }

    /** How many frames the sequence has: counted in the index, unless daylight must be judged frame by frame. */
    long count() {
        long candidates = 0;
        for (long source : definition.sources()) {
            if (definition.daytimeOnly()) {
                for (SourceScan scan = new SourceScan(source, Optional.empty(), MAX_BATCH); scan.hasNext(); ) {
                    Frame frame = scan.next();
                    if (Daylight.of(frame, frame.cameraId().map(locations::get)).kept()) {
                        candidates++;
                    }
                }
            } else {
                candidates += JooqFrames.countRange(sql, FRAME.ORIGIN_SEQUENCE_ID.eq(JooqFrames.key(source)),
                        definition.range(), definition.includeRejected());
            }
        }
        // The first candidate and every Nth after it.
        return (candidates + definition.every() - 1) / definition.every();
    }

    /** One source's frames in capture order, fetched a batch at a time from where the last batch ended. */
    private final class SourceScan {
        private final long source;
        private final int batch;
        private final Deque<Frame> buffer = new ArrayDeque<>();
        private Optional<FramePosition> position;
        private boolean exhausted;

        SourceScan(long source, Optional<FramePosition> start, int batch) {
            this.source = source;
            this.position = start;
            this.batch = batch;
        }

        boolean hasNext() {
            if (buffer.isEmpty() && !exhausted) {
                List<Frame> fetched = JooqFrames.scan(sql, FRAME.ORIGIN_SEQUENCE_ID.eq(JooqFrames.key(source)),
                        definition.range(), definition.includeRejected(), position, batch);
                exhausted = fetched.size() < batch;
                buffer.addAll(fetched);
                if (!fetched.isEmpty()) {
                    position = Optional.of(fetched.get(fetched.size() - 1).position());
                }
            }
            return !buffer.isEmpty();
        }

        FramePosition head() {
            return buffer.getFirst().position();
        }

        Frame next() {
            return buffer.removeFirst();
        }
    }
}
