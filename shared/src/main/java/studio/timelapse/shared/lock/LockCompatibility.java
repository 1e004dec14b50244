package studio.timelapse.shared.lock;

import java.util.HashSet;
import java.util.Set;

/**
 * Which lock purposes may be held at once on overlapping resources (the same resource, or one inside the other). By
 * default none may: two leases on overlapping resources conflict, whatever their purposes, the same purpose
 * included. A table names the pairs that may overlap ({@code sync} with {@code preview}; {@code preview} with itself
 * for shared readers); a purpose declared {@linkplain Builder#exclusive exclusive} ({@code delete}) overlaps with
 * nothing, and naming it in a pair is a mistake caught when the table is built. Each program declares its own table
 * and gives it to its {@link Locks}. Immutable.
 */
public final class LockCompatibility {
    private final Set<Pair> overlappingPairs;
    private final Set<String> exclusive;

    private LockCompatibility(Set<Pair> overlappingPairs, Set<String> exclusive) {
        this.overlappingPairs = Set.copyOf(overlappingPairs);
        this.exclusive = Set.copyOf(exclusive);
    }

    /** The default table: no two purposes may overlap. */
    public static LockCompatibility nothingOverlaps() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a lease for {@code held} and one for {@code wanted} may coexist on overlapping resources. */
    public boolean mayOverlap(String held, String wanted) {
        return overlappingPairs.contains(Pair.of(held, wanted));
    }

    public boolean isExclusive(String purpose) {
        return exclusive.contains(purpose);
    }

    /** Whether a lease on {@code held} stops one on {@code wanted}. */
    boolean conflict(LockName held, LockName wanted) {
        return held.resource().overlaps(wanted.resource()) && !mayOverlap(held.purpose(), wanted.purpose());
    }

    /** An unordered pair of purposes, kept in one order so that the table is symmetric by construction. */
    private record Pair(String first, String second) {
        static Pair of(String a, String b) {
            return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }

        boolean names(String purpose) {
            return first.equals(purpose) || second.equals(purpose);
        }
    }

    /** Builds a table; every purpose is checked to be a valid lock purpose. */
    public static final class Builder {
        private final Set<Pair> overlappingPairs = new HashSet<>();
        private final Set<String> exclusive = new HashSet<>();

        private Builder() {}

        /** {@code a} and {@code b} may be held together; {@code mayOverlap("preview", "preview")} makes readers share. */
        public Builder mayOverlap(String a, String b) {
            overlappingPairs.add(Pair.of(LockName.requireValidPurpose(a), LockName.requireValidPurpose(b)));
            return this;
        }

        /** {@code purpose} excludes every other lease on overlapping resources, another of its own included. */
        public Builder exclusive(String purpose) {
            exclusive.add(LockName.requireValidPurpose(purpose));
            return this;
        }

        public LockCompatibility build() {
            for (String purpose : exclusive) {
                for (Pair pair : overlappingPairs) {
                    if (pair.names(purpose)) {
                        throw new IllegalArgumentException("'" + purpose + "' is exclusive, so it may not overlap: "
                                + pair.first() + " with " + pair.second());
                    }
                }
            }
            return new LockCompatibility(overlappingPairs, exclusive);
        }
    }
}
