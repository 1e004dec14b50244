package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_HOUR_COUNT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * How many of one stream's or import's frames lie in some capture ranges, without counting them one by one: the
 * whole UTC hours inside each range are read from {@code frame_hour_count} (kept by triggers, V40), and only the
 * partial hours at a range's two edges are counted, as range counts of an index.
 *
 * <p>An hour is SQLite's {@code captured_at / 3,600,000}, which truncates: hour 0 spans a little either side of
 * 1970, and the hours before it are shifted by one millisecond. Whole hours are therefore taken only from hour 1 on
 * (or open-ended below), which makes every set of hours used an exact span of time.
 */
final class HourCounts {
    static final long HOUR_MS = 3_600_000L;
    /** Edge counts per statement (a UNION ALL of range counts): well under SQLite's 500 terms of a compound select. */
    private static final int EDGES_PER_STATEMENT = 200;

    private final DSLContext sql;
    private final long origin;
    private final boolean includeRejected;
    /** Whether frames ingest judged to be night are left out (daytime only, no location). */
    private final boolean dayOnly;

    HourCounts(DSLContext sql, long origin, boolean includeRejected, boolean dayOnly) {
        this.sql = sql;
        this.origin = origin;
        this.includeRejected = includeRejected;
        this.dayOnly = dayOnly;
    }

    /** A range as whole hours {@code [firstHour, endHour)} (either end may be open) and the edges around them. */
    private record Split(Optional<long[]> hours, List<CaptureRange> edges) {}

    /** How many of the source's frames (by this counter's rules) lie in the ranges, which must not overlap. */
    long count(List<CaptureRange> ranges) {
        List<long[]> spans = new ArrayList<>();
        List<CaptureRange> edges = new ArrayList<>();
        for (CaptureRange range : ranges) {
            Split split = split(range);
            split.hours().ifPresent(spans::add);
            edges.addAll(split.edges());
        }
        long total = countEdges(edges);
        if (spans.size() == 1) {
            total += sum(spans.get(0)[0], spans.get(0)[1]);
        } else if (!spans.isEmpty()) {
            NavigableMap<Long, Long> byHour = perHour(spans.stream().mapToLong(span -> span[0]).min().orElseThrow(),
                    spans.stream().mapToLong(span -> span[1]).max().orElseThrow());
            for (long[] span : spans) {
                total += byHour.subMap(span[0], true, span[1], false).values().stream().mapToLong(Long::longValue)
                        .sum();
            }
        }
        return total;
    }

    /** The edges' frames, each a range count in an index, many in one statement: a statement costs more than a count. */
    private long countEdges(List<CaptureRange> edges) {
        long total = 0;
        for (int from = 0; from < edges.size(); from += EDGES_PER_STATEMENT) {
            Select<Record1<Integer>> counts = null;
            for (CaptureRange edge : edges.subList(from, Math.min(edges.size(), from + EDGES_PER_STATEMENT))) {
                Select<Record1<Integer>> count = sql.selectCount().from(FRAME).where(frames(edge));
                counts = counts == null ? count : counts.unionAll(count);
            }
            total += sql.fetch(counts).stream().mapToLong(Record1::value1).sum();
        }
        return total;
    }

    private static Split split(CaptureRange range) {
        Optional<Long> from = range.from().map(Instant::toEpochMilli);
        Optional<Long> to = range.to().map(Instant::toEpochMilli);
        long firstHour = from.map(millis -> Math.max(1, -Math.floorDiv(-millis, HOUR_MS))).orElse(Long.MIN_VALUE);
        long endHour = to.map(millis -> Math.floorDiv(millis, HOUR_MS)).orElse(Long.MAX_VALUE);
        if (endHour <= firstHour || endHour < 1) {
            return new Split(Optional.empty(), List.of(range));
        }
        List<CaptureRange> edges = new ArrayList<>(2);
        if (from.isPresent() && from.get() < firstHour * HOUR_MS) {
            edges.add(CaptureRange.between(range.from().get(), Instant.ofEpochMilli(firstHour * HOUR_MS)));
        }
        if (to.isPresent() && endHour * HOUR_MS < to.get()) {
            edges.add(CaptureRange.between(Instant.ofEpochMilli(endHour * HOUR_MS), range.to().get()));
        }
        return new Split(Optional.of(new long[] {firstHour, endHour}), edges);
    }

    /**
     * The frames of an edge: a range of the (origin, captured_at) index — of the partial index of kept frames, or of
     * kept frames not judged night, whose literal terms these are, so that the count never reads the table.
     */
    private Condition frames(CaptureRange edge) {
        Condition condition = FRAME.ORIGIN_SEQUENCE_ID.eq(JooqFrames.key(origin));
        if (edge.from().isPresent()) {
            condition = condition.and(FRAME.CAPTURED_AT.ge(edge.from().get().toEpochMilli()));
        }
        if (edge.to().isPresent()) {
            condition = condition.and(FRAME.CAPTURED_AT.lt(edge.to().get().toEpochMilli()));
        }
        if (!includeRejected) {
            condition = condition.and(FRAME.REJECTED.eq(DSL.inline(0)));
        }
        return dayOnly ? condition.and(FRAME.JUDGED_NIGHT.eq(DSL.inline(0))) : condition;
    }

    private Condition hours(long firstHour, long endHour) {
        Condition condition = FRAME_HOUR_COUNT.ORIGIN_SEQUENCE_ID.eq(JooqFrames.key(origin));
        if (firstHour != Long.MIN_VALUE) {
            condition = condition.and(FRAME_HOUR_COUNT.HOUR.ge(firstHour));
        }
        if (endHour != Long.MAX_VALUE) {
            condition = condition.and(FRAME_HOUR_COUNT.HOUR.lt(endHour));
        }
        if (!includeRejected) {
            condition = condition.and(FRAME_HOUR_COUNT.REJECTED.eq(0));
        }
        return dayOnly ? condition.and(FRAME_HOUR_COUNT.JUDGED_NIGHT.eq(0)) : condition;
    }

    private long sum(long firstHour, long endHour) {
        Field<Long> frames = DSL.sum(FRAME_HOUR_COUNT.FRAMES).cast(Long.class);
        Long sum = sql.select(frames).from(FRAME_HOUR_COUNT).where(hours(firstHour, endHour)).fetchOne(frames);
        return sum == null ? 0 : sum;
    }

    /** Frames per hour over a span: one pass over the span's rows, in primary-key order. */
    private NavigableMap<Long, Long> perHour(long firstHour, long endHour) {
        Field<Long> frames = DSL.sum(FRAME_HOUR_COUNT.FRAMES).cast(Long.class);
        NavigableMap<Long, Long> byHour = new TreeMap<>();
        sql.select(FRAME_HOUR_COUNT.HOUR, frames).from(FRAME_HOUR_COUNT).where(hours(firstHour, endHour))
                .groupBy(FRAME_HOUR_COUNT.HOUR)
                .forEach(row -> byHour.put(row.value1(), row.value2()));
        return byHour;
    }
}
