package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.CAMERA;
import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.SEQUENCE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.astronomy.TimeInterval;

/**
 * A defined sequence's frames, one page at a time, and its count. Each source is read in capture order by keyset
 * range scans of the (origin_sequence_id, captured_at) index, reading only the columns the rules need; the sources
 * are merged in capture order; the daylight rule and "every Nth" are applied; only the frames a page shows are then
 * read whole, by id.
 *
 * <p>For a camera whose location is known, "daytime only" is not a filter but a narrower scan: the source is read
 * from sunrise to sunset of each day ({@link DaylightIntervals}, remembered by the library), so nights cost nothing.
 * For a camera without one, it is ingest's verdict on each frame ({@code frame.judged_night}), a term of a partial
 * index. Counts read the kept counts: per source, or per hour with the partial hours counted in an index
 * ({@link HourCounts}).
 */
final class SequenceResolver {
    private static final int MIN_BATCH = 64;
    private static final int MAX_BATCH = 4096;
    /** What passing over candidates reads: index entries only. */
    private static final List<Field<?>> COLUMNS = List.of(FRAME.ID, FRAME.CAPTURED_AT);

    private final DSLContext sql;
    private final SequenceDefinition definition;
    /** Each source sequence's camera location, for those that are streams of located cameras. */
    private final Map<Long, GeoPosition> locatedSources;
    /** The library's remembered daylight of each place. */
    private final Function<GeoPosition, DaylightIntervals> daylight;

    SequenceResolver(DSLContext sql, SequenceDefinition definition,
            Function<GeoPosition, DaylightIntervals> daylight) {
        this.sql = sql;
        this.definition = definition;
        this.daylight = daylight;
        this.locatedSources = definition.daytimeOnly() ? locatedSources(sql, definition.sources()) : Map.of();
    }

    private static Map<Long, GeoPosition> locatedSources(DSLContext sql, List<Long> sources) {
        return sql.select(SEQUENCE.ID, CAMERA.LATITUDE, CAMERA.LONGITUDE).from(SEQUENCE)
                .join(CAMERA).on(CAMERA.ID.eq(SEQUENCE.CAMERA_ID))
                .where(SEQUENCE.ID.in(sources.stream().map(JooqFrames::key).toList()))
                .and(CAMERA.LATITUDE.isNotNull())
                .fetch().stream().collect(Collectors.toMap(row -> (long) row.value1(),
                        row -> GeoPosition.of(row.value2(), row.value3())));
    }

    /** A frame as the rules see it: where it stands. */
    private record Candidate(long id, Instant capturedAt) {
        FramePosition position() {
            return new FramePosition(capturedAt, id);
        }
    }

    Page page(Optional<PageCursor> after, int limit) {
        long seen = after.map(PageCursor::candidatesSeen).orElse(0L);
        int batch = (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, (long) limit * definition.every() + 1));
        Optional<FramePosition> start = after.map(PageCursor::position);
        PriorityQueue<SourceScan> merge = new PriorityQueue<>(Comparator.comparing(SourceScan::head));
        for (long source : definition.sources()) {
            SourceScan scan = scan(source, start, batch);
            if (scan.hasNext()) {
                merge.add(scan);
            }
        }
        List<Candidate> selected = new ArrayList<>(limit);
        while (selected.size() < limit && !merge.isEmpty()) {
            SourceScan scan = merge.poll();
            Candidate candidate = scan.next();
            if (scan.hasNext()) {
                merge.add(scan);
            }
            if (seen % definition.every() == 0) {
                selected.add(candidate);
            }
            seen++;
        }
        List<Frame> frames = whole(selected);
        if (merge.isEmpty() || frames.isEmpty()) {
            return new Page(frames, Optional.empty());
        }
        Frame last = frames.get(frames.size() - 1);
        return new Page(frames, Optional.of(new PageCursor(last.capturedAt(), last.id(), seen)));
    }

    /** The frames themselves, read by primary key, in the order selected. */
    private List<Frame> whole(List<Candidate> selected) {
        if (selected.isEmpty()) {
            return List.of();
        }
        Map<Long, Frame> byId = new HashMap<>();
        FrameRows.frames(sql.select(FrameRows.COLUMNS).from(FRAME)
                        .where(FRAME.ID.in(selected.stream().map(c -> JooqFrames.key(c.id())).toList())))
                .forEach(frame -> byId.put(frame.id(), frame));
        return selected.stream().map(c -> byId.get(c.id())).toList();
    }

    /**
     * How many frames the sequence lists, from the kept counts: a whole source from {@code frame_count}, ranges of it
     * by whole hours from {@code frame_hour_count} and their edges by index range counts ({@link HourCounts}).
     */
    long count() {
        long candidates = 0;
        for (long source : definition.sources()) {
            SourceScan scan = scan(source, Optional.empty(), MAX_BATCH);
            List<CaptureRange> ranges = new ArrayList<>();
            for (Optional<CaptureRange> range = scan.ranges.first(Optional.empty()); range.isPresent();
                    range = scan.ranges.after(range.get())) {
                ranges.add(range.get());
            }
            if (!scan.judged && ranges.equals(List.of(CaptureRange.ALL))) {
                candidates += JooqFrames.countInOrigin(sql, source, CaptureRange.ALL, definition.includeRejected());
            } else {
                candidates += new HourCounts(sql, source, definition.includeRejected(), scan.judged).count(ranges);
            }
        }
        // The first candidate and every Nth after it.
        return (candidates + definition.every() - 1) / definition.every();
    }

    private SourceScan scan(long source, Optional<FramePosition> start, int batch) {
        Condition origin = FRAME.ORIGIN_SEQUENCE_ID.eq(JooqFrames.key(source));
        GeoPosition location = locatedSources.get(source);
        Ranges ranges = location == null ? new WholeRange()
                : new DaylightRanges(daylight.apply(location), capture(origin, true), capture(origin, false));
        boolean judged = definition.daytimeOnly() && location == null;
        // Inlined: with "rejected = 0", the partial index of kept frames not judged night serves the scan.
        Condition candidates = judged ? origin.and(FRAME.JUDGED_NIGHT.eq(DSL.inline(0))) : origin;
        return new SourceScan(candidates, ranges, start, batch, judged);
    }

    /** The first or last capture time of a source (one seek in the index), or empty for a source without frames. */
    private Optional<Instant> capture(Condition origin, boolean first) {
        Field<Long> edge = first ? DSL.min(FRAME.CAPTURED_AT) : DSL.max(FRAME.CAPTURED_AT);
        return Optional.ofNullable(sql.select(edge).from(FRAME).where(origin).fetchOne(edge)).map(Instant::ofEpochMilli);
    }

    /** The capture-time ranges a source is read in, one after another. */
    private interface Ranges {
        /** The first range holding frames after {@code start}. */
        Optional<CaptureRange> first(Optional<FramePosition> start);

        /** The range after {@code current}; empty when there is none. */
        Optional<CaptureRange> after(CaptureRange current);
    }

    /** The definition's range, once. */
    private final class WholeRange implements Ranges {
        @Override
        public Optional<CaptureRange> first(Optional<FramePosition> start) {
            return Optional.of(definition.range());
        }

        @Override
        public Optional<CaptureRange> after(CaptureRange current) {
            return Optional.empty();
        }
    }

    /** Sunrise to sunset of each day, within the definition's range, until the source's last frame. */
    private final class DaylightRanges implements Ranges {
        private final DaylightIntervals daylight;
        /** The source's first frame: no day before it is looked at. */
        private final Optional<Instant> start;
        private final Optional<Instant> end;

        DaylightRanges(DaylightIntervals daylight, Optional<Instant> firstCapture, Optional<Instant> lastCapture) {
            this.daylight = daylight;
            this.start = firstCapture;
            this.end = lastCapture.map(last -> last.plusMillis(1))
                    .map(afterLast -> definition.to().filter(to -> to.isBefore(afterLast)).orElse(afterLast));
        }

        @Override
        public Optional<CaptureRange> first(Optional<FramePosition> after) {
            if (start.isEmpty() || end.isEmpty()) {
                return Optional.empty();
            }
            Instant from = start.get();
            for (Optional<Instant> later : List.of(after.map(FramePosition::capturedAt), definition.from())) {
                if (later.isPresent() && later.get().isAfter(from)) {
                    from = later.get();
                }
            }
            return from(daylight.next(from));
        }

        @Override
        public Optional<CaptureRange> after(CaptureRange current) {
            Optional<TimeInterval> next = daylight.next(current.to().orElseThrow());
            if (next.isPresent() && !next.get().start().isAfter(current.from().orElseThrow())) {
                // The range ended before its day did (the definition's end): that day is done.
                next = daylight.next(next.get().end());
            }
            return from(next);
        }

        /** The first of these days that meets the definition's range, before the end. */
        private Optional<CaptureRange> from(Optional<TimeInterval> day) {
            for (Optional<TimeInterval> next = day; next.isPresent() && next.get().start().isBefore(end.get());
                    next = daylight.next(next.get().end())) {
                Optional<CaptureRange> meeting = within(next.get());
                if (meeting.isPresent()) {
                    return meeting;
                }
            }
            return Optional.empty();
        }

        private Optional<CaptureRange> within(TimeInterval day) {
            Instant start = definition.from().filter(f -> f.isAfter(day.start())).orElse(day.start());
            Instant stop = definition.to().filter(t -> t.isBefore(day.end())).orElse(day.end());
            return stop.isAfter(start) ? Optional.of(CaptureRange.between(start, stop)) : Optional.empty();
        }
    }

    /** One source's candidates in capture order, fetched a batch at a time, range after range. */
    private final class SourceScan {
        final Condition origin;
        final Ranges ranges;
        /** Whether the daylight rule is ingest's verdict on each frame here (daytime only, no location). */
        final boolean judged;
        private final int batch;
        private final Deque<Candidate> buffer = new ArrayDeque<>();
        private Optional<CaptureRange> range;
        private Optional<FramePosition> position;

        SourceScan(Condition origin, Ranges ranges, Optional<FramePosition> start, int batch, boolean judged) {
            this.origin = origin;
            this.ranges = ranges;
            this.position = start;
            this.batch = batch;
            this.judged = judged;
            this.range = ranges.first(start);
        }

        boolean hasNext() {
            while (buffer.isEmpty() && range.isPresent()) {
                List<Candidate> fetched = FrameRows.read(JooqFrames.scanQuery(sql, COLUMNS, origin, range.get(),
                        definition.includeRejected(), position, batch), SourceScan::candidate);
                buffer.addAll(fetched);
                if (!fetched.isEmpty()) {
                    position = Optional.of(fetched.get(fetched.size() - 1).position());
                }
                if (fetched.size() < batch) {
                    range = ranges.after(range.get());
                }
            }
            return !buffer.isEmpty();
        }

        /** A row of {@link #COLUMNS}. */
        private static Candidate candidate(ResultSet row) throws SQLException {
            return new Candidate(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)));
        }

        FramePosition head() {
            return buffer.getFirst().position();
        }

        Candidate next() {
            return buffer.removeFirst();
        }
    }
}
