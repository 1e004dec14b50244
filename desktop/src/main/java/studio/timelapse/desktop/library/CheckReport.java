package studio.timelapse.desktop.library;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LibraryCheck} found.
 *
 * @param frames frames in the index that were checked
 * @param bytes bytes read and hashed
 * @param filesSeen files found under {@code frames/}
 * @param counts problems of each kind (all of them)
 * @param problems the problems themselves, by kind and path, at most {@link LibraryCheck#LISTED_PER_KIND} of each
 *                 kind
 */
public record CheckReport(long frames, long bytes, long filesSeen, Map<CheckProblem.Kind, Long> counts,
        List<CheckProblem> problems) {

    public CheckReport {
        EnumMap<CheckProblem.Kind, Long> all = new EnumMap<>(CheckProblem.Kind.class);
        for (CheckProblem.Kind kind : CheckProblem.Kind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0L));
        }
        counts = java.util.Collections.unmodifiableMap(all);
        problems = List.copyOf(problems);
    }

    public long count(CheckProblem.Kind kind) {
        return counts.get(kind);
    }

    public long problemCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean healthy() {
        return problemCount() == 0;
    }

    /** How many problems of a kind are counted but not listed. */
    public long unlisted(CheckProblem.Kind kind) {
        return count(kind) - problems.stream().filter(p -> p.kind() == kind).count();
    }
}
