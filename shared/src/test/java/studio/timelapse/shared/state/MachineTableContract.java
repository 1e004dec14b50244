package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.timelapse.shared.refusal.Refusal;

/**
 * What every machine's table test checks: with every guard met, a transition is allowed exactly where its table
 * says ok and refused as WRONG_STATE everywhere else; and the table leaves out no state and no transition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MachineTableContract<S extends Enum<S>, C> {

    abstract TransitionTable<S> table();

    abstract StateMachine<S, C> machine();

    /** Facts under which every guard of the machine is met. */
    abstract C everyGuardMet();

    Stream<Arguments> cells() {
        return table().cells();
    }

    Stream<S> states() {
        return table().states().stream();
    }

    @ParameterizedTest(name = "{1} from {0}: {2}")
    @MethodSource("cells")
    void withEveryGuardMetATransitionIsRefusedOnlyForTheWrongState(S state, String transition, boolean allowed) {
        List<Refusal.Kind> refusals = machine().explain(state, transition, everyGuardMet()).stream()
                .map(Refusal::kind).toList();
        if (allowed) {
            assertThat(refusals).isEmpty();
        } else {
            assertThat(refusals).containsExactly(Refusal.Kind.WRONG_STATE);
        }
    }

    @ParameterizedTest
    @MethodSource("states")
    void availableIsTheTableColumnOfTheState(S state) {
        List<String> okInColumn = table().cells()
                .filter(cell -> cell.get()[0] == state && (boolean) cell.get()[2])
                .map(cell -> (String) cell.get()[1])
                .toList();
        assertThat(machine().available(state, everyGuardMet())).containsExactlyInAnyOrderElementsOf(okInColumn);
        assertThat(machine().startingFrom(state)).containsExactlyInAnyOrderElementsOf(okInColumn);
    }

    @Test
    void theTableCoversEveryStateAndEveryTransition() {
        assertThat(table().states()).containsExactly(machine().lifecycle().stateType().getEnumConstants());
        assertThat(table().transitions()).containsExactlyInAnyOrderElementsOf(machine().transitions());
    }
}
