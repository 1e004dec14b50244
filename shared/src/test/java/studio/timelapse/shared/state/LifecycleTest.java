package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.timelapse.shared.state.CameraMachine.CameraState;
import studio.timelapse.shared.state.Lifecycle.Phase;
import studio.timelapse.shared.state.SequenceMachine.SequenceState;

/** Every entity machine shares the lifecycle: the same five transitions, by phase, whatever its own states. */
class LifecycleTest {
    /** The lifecycle transitions that start from a state of each phase. */
    private static final Map<Phase, List<String>> BY_PHASE = Map.of(
            Phase.INITIALISING, List.of(Lifecycle.READY, Lifecycle.FAIL),
            Phase.READY, List.of(Lifecycle.DELETE, Lifecycle.FAIL),
            Phase.DELETING, List.of(Lifecycle.DELETED, Lifecycle.FAIL),
            Phase.DELETED, List.of(),
            Phase.FAILED, List.of(Lifecycle.DELETE, Lifecycle.RETRY));

    private static final List<String> LIFECYCLE_TRANSITIONS = List.of(
            Lifecycle.READY, Lifecycle.DELETE, Lifecycle.DELETED, Lifecycle.FAIL, Lifecycle.RETRY);

    static Stream<Arguments> everyStateOfEveryMachine() {
        List<Arguments> cases = new ArrayList<>();
        StateMachine<CameraState, ?> camera = CameraMachine.build(lock -> java.util.Optional.empty());
        for (CameraState state : CameraState.values()) {
            cases.add(Arguments.of(camera, state));
        }
        StateMachine<SequenceState, ?> sequence = SequenceMachine.build();
        for (SequenceState state : SequenceState.values()) {
            cases.add(Arguments.of(sequence, state));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyStateOfEveryMachine")
    <S extends Enum<S>> void lifecycleTransitionsStartFromAStateByItsPhase(StateMachine<S, ?> machine, S state) {
        Phase phase = machine.lifecycle().phase(state);
        List<String> lifecycleHere = machine.startingFrom(state).stream().filter(LIFECYCLE_TRANSITIONS::contains)
                .toList();
        assertThat(lifecycleHere).containsExactlyInAnyOrderElementsOf(BY_PHASE.get(phase));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyStateOfEveryMachine")
    <S extends Enum<S>> void lifecycleTransitionsLeadToTheLifecycleStates(StateMachine<S, ?> machine, S state) {
        Lifecycle<S> lifecycle = machine.lifecycle();
        Map<String, S> targets = Map.of(Lifecycle.READY, lifecycle.ready(), Lifecycle.DELETE, lifecycle.deleting(),
                Lifecycle.DELETED, lifecycle.deleted(), Lifecycle.FAIL, lifecycle.failed(), Lifecycle.RETRY,
                lifecycle.initialising());
        for (String transition : machine.startingFrom(state)) {
            if (targets.containsKey(transition)) {
                assertThat(machine.target(state, transition)).as(transition).isEqualTo(targets.get(transition));
            }
        }
    }

    @Test
    void anEntitysOwnStatesAreWorkingStatesInTheReadyPhase() {
        assertThat(CameraMachine.LIFECYCLE.working()).containsExactly(CameraState.DISCOVERED, CameraState.PAIRING,
                CameraState.ONLINE, CameraState.OFFLINE, CameraState.CAPTURING, CameraState.PAUSED);
        assertThat(CameraMachine.LIFECYCLE.phase(CameraState.CAPTURING)).isEqualTo(Phase.READY);
        assertThat(CameraMachine.LIFECYCLE.phase(CameraState.DELETING)).isEqualTo(Phase.DELETING);
        assertThat(SequenceMachine.LIFECYCLE.working()).containsExactly(SequenceState.READY, SequenceState.RENDERING);
    }

    @Test
    void theFivePartsMustBeFiveStates() {
        assertThatThrownBy(() -> Lifecycle.of(CameraState.INITIALISING, CameraState.DISCOVERED, CameraState.DELETING,
                CameraState.DELETING, CameraState.FAILED)).isInstanceOf(IllegalArgumentException.class);
    }
}
