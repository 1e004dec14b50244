package studio.timelapse.shared.state;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/** The words of the refusals the state machinery itself gives, in one place so that they read alike. */
final class StateRefusals {
    private StateRefusals() {}

    static Refusal wrongState(String entityType, Enum<?> state, String transition, Collection<? extends Enum<?>> from) {
        return Refusal.of(Refusal.Kind.WRONG_STATE, "state.wrong_state",
                        "The " + words(entityType) + " is " + words(state) + "; " + transition + " needs it "
                                + either(from.stream().map(StateRefusals::words).toList()))
                .withDetails(Map.of("entity_type", entityType, "state", state.name(), "transition", transition,
                        "allowed_from", from.stream().map(Enum::name).toList()));
    }

    static Refusal unknownTransition(String entityType, String transition, List<String> known) {
        return Refusal.of(Refusal.Kind.INVALID, "state.unknown_transition",
                        "A " + words(entityType) + " has no transition named '" + transition + "'")
                .withDetails(Map.of("entity_type", entityType, "transition", transition, "known", known));
    }

    static Refusal unknownEntity(String entityType, String entityId) {
        return Refusal.of(Refusal.Kind.NOT_FOUND, "state.unknown_entity",
                        "There is no " + words(entityType) + " " + entityId)
                .withDetails(Map.of("entity_type", entityType, "entity_id", entityId));
    }

    static Refusal exists(String entityType, String entityId) {
        return Refusal.of(Refusal.Kind.CONFLICT, "state.exists",
                        "The " + words(entityType) + " " + entityId + " exists already")
                .withDetails(Map.of("entity_type", entityType, "entity_id", entityId));
    }

    /** Someone else's transition came first: names the state that won, so the caller can decide again. */
    static Refusal conflict(EntityState<?> now, long expectedVersion, Optional<String> byTransition) {
        String after = byTransition.map(t -> ", after " + t).orElse("");
        return Refusal.of(Refusal.Kind.CONFLICT, "state.conflict",
                        "The " + words(now.entityType()) + " changed meanwhile: it is now " + words(now.state())
                                + " (version " + now.version() + after + "); you saw version " + expectedVersion,
                        "look at it again and decide")
                .withDetails(Map.of("entity_type", now.entityType(), "entity_id", now.entityId(),
                        "state", now.state().name(), "version", now.version(), "expected_version", expectedVersion,
                        "transition", byTransition.orElse("")));
    }

    /** A state or type as a person reads it: {@code WAITING_FOR_PAIRING} → "waiting for pairing". */
    static String words(Enum<?> state) {
        return words(state.name());
    }

    static String words(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String either(List<String> choices) {
        if (choices.size() == 1) {
            return choices.get(0);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }
}
