package studio.timelapse.shared.state;

import static studio.timelapse.shared.state.SequenceMachine.SequenceState.DELETED;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.DELETING;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.FAILED;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.INITIALISING;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.READY;
import static studio.timelapse.shared.state.SequenceMachine.SequenceState.RENDERING;

/** A second, smaller example that shares the lifecycle: a sequence of frames that can be rendered to a video. */
final class SequenceMachine {
    private SequenceMachine() {}

    enum SequenceState { INITIALISING, READY, RENDERING, DELETING, DELETED, FAILED }

    record SequenceFacts(int frames) {}

    static final Lifecycle<SequenceState> LIFECYCLE = Lifecycle.of(INITIALISING, READY, DELETING, DELETED, FAILED);

    static StateMachine<SequenceState, SequenceFacts> build() {
        return StateMachine.<SequenceState, SequenceFacts>builder("sequence", LIFECYCLE)
                .transition("render").from(READY).to(RENDERING)
                        .guard(Guard.requires(facts -> facts.frames() >= 2, "sequence.too_short",
                                "A video needs at least two frames", "capture more frames first"))
                .transition("finish_render").from(RENDERING).to(READY)
                .build();
    }
}
