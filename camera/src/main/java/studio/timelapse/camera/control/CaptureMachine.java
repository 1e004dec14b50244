package studio.timelapse.camera.control;

import static studio.timelapse.camera.control.CaptureState.CAPTURING;
import static studio.timelapse.camera.control.CaptureState.DELETED;
import static studio.timelapse.camera.control.CaptureState.DELETING;
import static studio.timelapse.camera.control.CaptureState.ERROR;
import static studio.timelapse.camera.control.CaptureState.FAILED;
import static studio.timelapse.camera.control.CaptureState.HELD;
import static studio.timelapse.camera.control.CaptureState.IDLE;
import static studio.timelapse.camera.control.CaptureState.INITIALISING;
import static studio.timelapse.camera.control.CaptureState.PAUSED;
import static studio.timelapse.camera.control.CaptureState.WAITING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.Guard;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateMachine;

/**
 * The capture state machine. People (the paired studio, the console) fire {@code start}, {@code stop},
 * {@code pause}, {@code resume} and {@code capture_now} with the {@value #CONTROL} permission; the capture loop fires
 * the rest ({@code wait}, {@code hold}, {@code fault}, {@code capturing}, {@code finish}) as the agent itself, with
 * {@value #SYSTEM}, so they never show as available to a studio.
 */
public final class CaptureMachine {
    public static final String ENTITY_TYPE = "camera";
    /** The one camera an agent drives. */
    public static final String ENTITY_ID = "camera";
    public static final String CONTROL = "camera.control";
    public static final String SYSTEM = "camera.system";

    public static final Lifecycle<CaptureState> LIFECYCLE = Lifecycle.of(INITIALISING, IDLE, DELETING, DELETED, FAILED);

    private CaptureMachine() {}

    public static StateMachine<CaptureState, CaptureFacts> build() {
        Guard<CaptureFacts> control = Guard.permission(CONTROL, CaptureFacts::principal);
        Guard<CaptureFacts> system = Guard.permission(SYSTEM, CaptureFacts::principal);
        EnumSet<CaptureState> running = EnumSet.copyOf(CaptureState.RUNNING);
        EnumSet<CaptureState> runningOrPaused = EnumSet.copyOf(running);
        runningOrPaused.add(PAUSED);
        return StateMachine.<CaptureState, CaptureFacts>builder(ENTITY_TYPE, LIFECYCLE)
                // The lifecycle's own transitions are the agent's business, not a studio's.
                .guard(Lifecycle.READY, system)
                .guard(Lifecycle.DELETE, system)
                .guard(Lifecycle.DELETED, system)
                .guard(Lifecycle.FAIL, system)
                .guard(Lifecycle.RETRY, system)
                .transition("start").from(IDLE).to(CAPTURING).guard(control).guard(CaptureMachine::validConfig)
                .transition("stop").from(runningOrPaused).to(IDLE).guard(control)
                .transition("pause").from(running).to(PAUSED).guard(control)
                .transition("resume").from(PAUSED).to(CAPTURING).guard(control).guard(CaptureMachine::validConfig)
                .transition("capture_now").from(EnumSet.of(IDLE, CAPTURING, WAITING, HELD, ERROR, PAUSED)).staying()
                        .guard(control)
                .transition("wait").from(EnumSet.of(CAPTURING, HELD, ERROR)).to(WAITING).guard(system)
                .transition("hold").from(EnumSet.of(CAPTURING, WAITING, ERROR)).to(HELD).guard(system)
                .transition("fault").from(EnumSet.of(CAPTURING, WAITING, HELD)).to(ERROR).guard(system)
                .transition("capturing").from(EnumSet.of(WAITING, HELD, ERROR)).to(CAPTURING).guard(system)
                .transition("finish").from(running).to(IDLE).guard(system)
                .build();
    }

    /** The transitions that start capturing, guarded by the configuration being one the camera can do. */
    static final Set<String> CONFIGURED = Set.of("start", "resume");

    private static Optional<Refusal> validConfig(CaptureFacts facts) {
        if (facts.configProblems().isEmpty()) {
            return Optional.empty();
        }
        String first = facts.configProblems().get(0).reason();
        int count = facts.configProblems().size();
        return Optional.of(Refusal.of(Refusal.Kind.GUARD, "camera.config_invalid",
                        "The capture configuration has " + (count == 1 ? "a problem: " : count + " problems, first: ")
                                + first,
                        "fix the configuration first")
                .withDetails(Map.of("problems", facts.configProblems().stream().map(Refusal::toFields).toList())));
    }
}
