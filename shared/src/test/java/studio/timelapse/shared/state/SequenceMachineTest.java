package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.SequenceMachine.SequenceFacts;
import studio.timelapse.shared.state.SequenceMachine.SequenceState;

/** A sequence shares the camera's lifecycle and adds rendering. */
class SequenceMachineTest extends MachineTableContract<SequenceState, SequenceFacts> {
    static final TransitionTable<SequenceState> TABLE = TransitionTable.parse(SequenceState.class, """
                          INITIALISING READY RENDERING DELETING DELETED FAILED
            ready         ok           .     .         .        .       .
            delete        .            ok    ok        .        .       ok
            deleted       .            .     .         ok       .       .
            fail          ok           ok    ok        ok       .       .
            retry         .            .     .         .        .       ok
            render        .            ok    .         .        .       .
            finish_render .            .     ok        .        .       .
            """);

    private final StateMachine<SequenceState, SequenceFacts> sequence = SequenceMachine.build();

    @Override
    TransitionTable<SequenceState> table() {
        return TABLE;
    }

    @Override
    StateMachine<SequenceState, SequenceFacts> machine() {
        return sequence;
    }

    @Override
    SequenceFacts everyGuardMet() {
        return new SequenceFacts(100);
    }

    @Test
    void aPlainGuardGivesItsReasonAndRemedy() {
        assertThat(sequence.explain(SequenceState.READY, "render", new SequenceFacts(1))).singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
                    assertThat(refusal.code()).isEqualTo("sequence.too_short");
                    assertThat(refusal.describe())
                            .isEqualTo("A video needs at least two frames — capture more frames first");
                });
    }
}
