package studio.timelapse.shared.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The states and named transitions of one entity type, on top of the shared {@link Lifecycle}. It answers what is
 * possible now ({@link #available}) and why something is not ({@link #explain}); {@link StateStore} fires. Immutable
 * and thread-safe: build it once and share it.
 *
 * <pre>{@code
 * StateMachine<CameraState, CameraFacts> camera = StateMachine.<CameraState, CameraFacts>builder("camera",
 *                 Lifecycle.of(INITIALISING, DISCOVERED, DELETING, DELETED, FAILED))
 *         .transition("start").from(ONLINE).to(CAPTURING)
 *                 .guard(Guard.permission("camera.capture", CameraFacts::user))
 *                 .guard(Guard.unlocked(locks, facts -> "camera:" + facts.cameraId()))
 *         .transition("pause").from(CAPTURING).to(PAUSED)
 *         .build();
 * }</pre>
 *
 * @param <S> the entity's states
 * @param <C> the facts its guards look at
 */
public final class StateMachine<S extends Enum<S>, C> {
    private final String entityType;
    private final Lifecycle<S> lifecycle;
    private final Map<String, Transition<S, C>> transitions;

    private StateMachine(String entityType, Lifecycle<S> lifecycle, Map<String, Transition<S, C>> transitions) {
        this.entityType = entityType;
        this.lifecycle = lifecycle;
        this.transitions = Collections.unmodifiableMap(new LinkedHashMap<>(transitions));
    }

    /** Starts a machine for {@code entityType} (lower snake case: "camera"), with the lifecycle's transitions. */
    public static <S extends Enum<S>, C> Builder<S, C> builder(String entityType, Lifecycle<S> lifecycle) {
        return new Builder<>(entityType, lifecycle);
    }

    public String entityType() {
        return entityType;
    }

    public Lifecycle<S> lifecycle() {
        return lifecycle;
    }

    /** Every transition's name, lifecycle first, then in the order declared. */
    public List<String> transitions() {
        return List.copyOf(transitions.keySet());
    }

    /** The transitions that start from {@code state}, whether or not their guards are met now: a screen's buttons. */
    public List<String> startingFrom(S state) {
        return transitions.values().stream().filter(t -> t.startsFrom(state)).map(Transition::name).toList();
    }

    /** The transitions that could fire now: they start from {@code state} and every guard is met. */
    public List<String> available(S state, C context) {
        return transitions.values().stream()
                .filter(t -> t.startsFrom(state) && t.guards().stream().allMatch(g -> g.check(context).isEmpty()))
                .map(Transition::name)
                .toList();
    }

    /**
     * Why {@code transition} cannot fire now, every reason at once: the wrong state and each unmet guard, most basic
     * first (by {@link Refusal.Kind}: a caller without permission hears 403 before 409). Empty means it can.
     */
    public List<Refusal> explain(S state, String transition, C context) {
        Transition<S, C> wanted = transitions.get(transition);
        if (wanted == null) {
            return List.of(StateRefusals.unknownTransition(entityType, transition, transitions()));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (!wanted.startsFrom(state)) {
            refusals.add(StateRefusals.wrongState(entityType, state, transition, wanted.sources()));
        }
        refusals.addAll(unmetGuards(wanted, context));
        refusals.sort(Comparator.comparing(Refusal::kind));
        return List.copyOf(refusals);
    }

    /** Where {@code transition} leads from {@code state}; call only once {@link #explain} had nothing to say. */
    S target(S state, String transition) {
        return transitions.get(transition).targetFrom(state);
    }

    @Override
    public String toString() {
        return entityType + " machine";
    }

    private List<Refusal> unmetGuards(Transition<S, C> transition, C context) {
        return transition.guards().stream().map(guard -> guard.check(context)).flatMap(Optional::stream).toList();
    }

    /** Declares a machine; each {@code transition(…)} call starts the next transition. */
    public static final class Builder<S extends Enum<S>, C> {
        private final String entityType;
        private final Lifecycle<S> lifecycle;
        private final Map<String, Transition<S, C>> transitions = new LinkedHashMap<>();
        private TransitionBuilder<S, C> pending;

        private Builder(String entityType, Lifecycle<S> lifecycle) {
            this.entityType = checkName("entity type", entityType);
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            lifecycle.<C>transitions().forEach(t -> transitions.put(t.name(), t));
        }

        /** Starts declaring a transition (lower snake case: "start_capture"). */
        public TransitionBuilder<S, C> transition(String name) {
            finishPending();
            checkName("transition", name);
            if (name.equals(HistoryEntry.CREATE)) {
                throw new IllegalArgumentException(name + " is the history's name for an entity's creation");
            }
            if (transitions.containsKey(name)) {
                throw new IllegalArgumentException(entityType + " declares the transition " + name + " twice");
            }
            pending = new TransitionBuilder<>(this, name);
            return pending;
        }

        /** Adds a guard to a transition declared already, such as a lifecycle one: who may delete a camera. */
        public Builder<S, C> guard(String transition, Guard<C> guard) {
            finishPending();
            Transition<S, C> declared = transitions.get(transition);
            if (declared == null) {
                throw new IllegalArgumentException(entityType + " has no transition " + transition + " to guard");
            }
            transitions.put(transition, declared.withGuard(Objects.requireNonNull(guard, "guard")));
            return this;
        }

        public StateMachine<S, C> build() {
            finishPending();
            return new StateMachine<>(entityType, lifecycle, transitions);
        }

        private void finishPending() {
            if (pending != null) {
                Transition<S, C> done = pending.toTransition();
                transitions.put(done.name(), done);
                pending = null;
            }
        }

        private static String checkName(String what, String name) {
            if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("a " + what + " name is lower snake case: " + name);
            }
            return name;
        }
    }

    /** One transition being declared: {@code from(…)}, then {@code to(…)} or {@code staying()}, then guards. */
    public static final class TransitionBuilder<S extends Enum<S>, C> {
        private final Builder<S, C> machine;
        private final String name;
        private final List<S> sources = new ArrayList<>();
        private S target;
        private boolean staying;
        private final List<Guard<C>> guards = new ArrayList<>();

        private TransitionBuilder(Builder<S, C> machine, String name) {
            this.machine = machine;
            this.name = name;
        }

        @SafeVarargs
        public final TransitionBuilder<S, C> from(S first, S... more) {
            sources.add(Objects.requireNonNull(first, "first"));
            for (S state : more) {
                sources.add(Objects.requireNonNull(state, "state"));
            }
            return this;
        }

        public TransitionBuilder<S, C> from(Collection<S> states) {
            sources.addAll(states);
            return this;
        }

        public TransitionBuilder<S, C> to(S state) {
            requireNoTarget();
            target = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * The transition keeps the state: for an edit (rename, change settings) that must still be validated,
         * guarded, versioned and recorded like any other change.
         */
        public TransitionBuilder<S, C> staying() {
            requireNoTarget();
            staying = true;
            return this;
        }

        /** Guards are checked, and reported, in the order given. */
        public TransitionBuilder<S, C> guard(Guard<C> guard) {
            guards.add(Objects.requireNonNull(guard, "guard"));
            return this;
        }

        public TransitionBuilder<S, C> transition(String next) {
            return machine.transition(next);
        }

        public Builder<S, C> guard(String transition, Guard<C> guard) {
            return machine.guard(transition, guard);
        }

        public StateMachine<S, C> build() {
            return machine.build();
        }

        private void requireNoTarget() {
            if (target != null || staying) {
                throw new IllegalStateException(name + " has a target already");
            }
        }

        private Transition<S, C> toTransition() {
            if (sources.isEmpty() || (target == null && !staying)) {
                throw new IllegalStateException(name + " needs from(…) and to(…) or staying()");
            }
            return new Transition<>(name, EnumSet.copyOf(sources), Optional.ofNullable(target), guards);
        }
    }
}
