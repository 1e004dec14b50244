package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The rules of a defined sequence, kept as JSON in {@code sequence.definition}. Its frames are, in capture order:
 * <ol>
 *   <li>the frames of the source sequences (camera streams or imports),</li>
 *   <li>captured in {@code [from, to)} (either end open when empty) — a range may span any number of days,</li>
 *   <li>without rejected frames, unless {@code includeRejected},</li>
 *   <li>only those taken in daylight when {@code daytimeOnly} (see {@link Daylight} for how that is judged),</li>
 *   <li>and of what remains, the first and then every {@code every}-th.</li>
 * </ol>
 *
 * @param sources ids of camera-stream or import sequences, at least one
 * @param every 1 for every frame, N for every Nth
 */
public record SequenceDefinition(List<Long> sources, Optional<Instant> from, Optional<Instant> to, int every,
        boolean daytimeOnly, boolean includeRejected) {

    public SequenceDefinition {
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
    }

    /** Every frame of these sources, rejected ones left out. */
    public static SequenceDefinition of(List<Long> sources) {
        return new SequenceDefinition(sources, Optional.empty(), Optional.empty(), 1, false, false);
    }

    public SequenceDefinition between(Instant start, Instant end) {
        return new SequenceDefinition(sources, Optional.ofNullable(start), Optional.ofNullable(end), every,
                daytimeOnly, includeRejected);
    }

    public SequenceDefinition everyNth(int n) {
        return new SequenceDefinition(sources, from, to, n, daytimeOnly, includeRejected);
    }

    public SequenceDefinition daytime(boolean only) {
        return new SequenceDefinition(sources, from, to, every, only, includeRejected);
    }

    public SequenceDefinition rejected(boolean include) {
        return new SequenceDefinition(sources, from, to, every, daytimeOnly, include);
    }

    public CaptureRange range() {
        return new CaptureRange(from, to);
    }

    /** Every mistake in the rules on their own (kind INVALID, each naming its field). */
    public List<Refusal> validate() {
        List<Refusal> mistakes = new ArrayList<>();
        if (sources.isEmpty()) {
            mistakes.add(invalid("sources", "sequence.no_sources", "a sequence needs at least one camera or import",
                    "name a camera (--camera)"));
        }
        if (sources.stream().distinct().count() != sources.size()) {
            mistakes.add(invalid("sources", "sequence.duplicate_source", "a source is named twice",
                    "name each camera or import once"));
        }
        if (every < 1) {
            mistakes.add(invalid("every", "sequence.every_not_positive",
                    "'every' is how many frames to step (1 = every frame), was " + every, "give 1 or more"));
        }
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            mistakes.add(invalid("to", "sequence.range_empty", "the time range ends (" + to.get()
                    + ") before or when it starts (" + from.get() + ")", "give an end after the start"));
        }
        return mistakes;
    }

    private static Refusal invalid(String field, String code, String reason, String remedy) {
        return Refusal.of(Refusal.Kind.INVALID, code, reason, remedy).withDetails(Map.of("field", field));
    }
}
