package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.READY;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.RENDERING;

import org.junit.jupiter.api.Test;
import studio.timelapse.shared.state.SequenceMachine.SequenceState;

/** Mistakes in a machine's declaration fail when it is built, not when a user presses a button. */
class StateMachineBuilderTest {
    private static StateMachine.Builder<SequenceState, Object> builder() {
        return StateMachine.builder("sequence", SequenceMachine.LIFECYCLE);
    }

    @Test
    void aTransitionNeedsSourcesAndATarget() {
        assertThatThrownBy(() -> builder().transition("render").to(RENDERING).build())
                .hasMessageContaining("render needs from(…) and to(…)");
        assertThatThrownBy(() -> builder().transition("render").from(READY).build())
                .hasMessageContaining("render needs from(…) and to(…)");
        assertThatThrownBy(() -> builder().transition("render").from(READY).to(RENDERING).staying())
                .hasMessageContaining("render has a target already");
    }

    @Test
    void namesAreUniqueLowerSnakeCaseAndCreateIsReserved() {
        assertThatThrownBy(() -> builder().transition("render").from(READY).to(RENDERING)
                .transition("render")).hasMessageContaining("declares the transition render twice");
        assertThatThrownBy(() -> builder().transition(Lifecycle.DELETE))
                .hasMessageContaining("declares the transition delete twice");
        assertThatThrownBy(() -> builder().transition(HistoryEntry.CREATE))
                .hasMessageContaining("the history's name for an entity's creation");
        assertThatThrownBy(() -> builder().transition("Render")).hasMessageContaining("lower snake case");
        assertThatThrownBy(() -> StateMachine.builder("Sequence", SequenceMachine.LIFECYCLE))
                .hasMessageContaining("lower snake case");
    }

    @Test
    void onlyDeclaredTransitionsTakeExtraGuards() {
        assertThatThrownBy(() -> builder().guard("render", context -> java.util.Optional.empty()))
                .hasMessageContaining("no transition render to guard");
    }

    @Test
    void aTransitionDeclaredAsAStatementIsKeptToo() {
        StateMachine.Builder<SequenceState, Object> builder = builder();
        builder.transition("render").from(READY).to(RENDERING);
        builder.transition("finish_render").from(RENDERING).to(READY);
        assertThat(builder.build().transitions()).containsExactly(Lifecycle.READY, Lifecycle.DELETE,
                Lifecycle.DELETED, Lifecycle.FAIL, Lifecycle.RETRY, "render", "finish_render");
    }
}
