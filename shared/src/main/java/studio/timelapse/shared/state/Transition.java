package studio.timelapse.shared.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One named transition: the states it starts from, where it goes (or that it stays, for an edit that changes no
 * state but must still be checked, versioned and recorded), and its guards in declaration order.
 */
record Transition<S extends Enum<S>, C>(String name, Set<S> sources, Optional<S> target, List<Guard<C>> guards) {

    Transition {
        // Kept as an EnumSet so that refusals list the states in their declared order.
        sources = Collections.unmodifiableSet(EnumSet.copyOf(sources));
        guards = List.copyOf(guards);
    }

    static <S extends Enum<S>, C> Transition<S, C> of(String name, Set<S> sources, S target) {
        return new Transition<>(name, sources, Optional.of(target), List.of());
    }

    boolean startsFrom(S state) {
        return sources.contains(state);
    }

    /** The state after firing from {@code current}. */
    S targetFrom(S current) {
        return target.orElse(current);
    }

    Transition<S, C> withGuard(Guard<C> guard) {
        List<Guard<C>> more = new ArrayList<>(guards);
        more.add(guard);
        return new Transition<>(name, sources, target, more);
    }
}
