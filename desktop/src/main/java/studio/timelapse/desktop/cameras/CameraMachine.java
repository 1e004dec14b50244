package studio.timelapse.desktop.cameras;

import static studio.timelapse.desktop.cameras.CameraState.CAPTURING;
import static studio.timelapse.desktop.cameras.CameraState.DELETED;
import static studio.timelapse.desktop.cameras.CameraState.DELETING;
import static studio.timelapse.desktop.cameras.CameraState.DISCOVERED;
import static studio.timelapse.desktop.cameras.CameraState.ERROR;
import static studio.timelapse.desktop.cameras.CameraState.FAILED;
import static studio.timelapse.desktop.cameras.CameraState.INITIALISING;
import static studio.timelapse.desktop.cameras.CameraState.OFFLINE;
import static studio.timelapse.desktop.cameras.CameraState.ONLINE;
import static studio.timelapse.desktop.cameras.CameraState.PAIRED;
import static studio.timelapse.desktop.cameras.CameraState.PAIRING;
import static studio.timelapse.desktop.cameras.CameraState.PAUSED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateMachine;

/**
 * The camera's state machine: pairing, then what the camera's event stream and answers say — online, capturing,
 * paused, error, offline — and unpairing. {@value #CONTROL} is the remote control's question ("may the studio send
 * the camera a command now?"): it moves nothing and is only explained; which capture commands the camera itself
 * accepts is the agent's machine's to say ({@code GET /api/v1/capture/available}), never repeated here.
 */
public final class CameraMachine {
    public static final String PAIR = "pair";
    public static final String PAIRED_OK = "paired";
    public static final String PAIRING_FAILED = "pairing_failed";
    public static final String UNPAIR = "unpair";
    public static final String CONTROL = "control";

    /** The transition that leads to each state the camera's answers and events decide. */
    static final Map<CameraState, String> FOLLOW = Map.of(ONLINE, "online", CAPTURING, "capturing", PAUSED, "paused",
            ERROR, "error", OFFLINE, "offline");

    private CameraMachine() {}

    public static StateMachine<CameraState, CameraFacts> build() {
        Lifecycle<CameraState> lifecycle = Lifecycle.of(INITIALISING, DISCOVERED, DELETING, DELETED, FAILED);
        StateMachine.Builder<CameraState, CameraFacts> machine = StateMachine.builder("camera", lifecycle);
        machine.transition(PAIR).from(DISCOVERED, PAIRING).to(PAIRING) // again after a pairing cut short
                .transition(PAIRED_OK).from(PAIRING).to(PAIRED)
                .transition(PAIRING_FAILED).from(PAIRING).to(DISCOVERED)
                .transition(UNPAIR).from(with(CameraState.PAIRED_STATES, PAIRING)).to(DISCOVERED);
        FOLLOW.forEach((target, name) -> {
            Set<CameraState> from = EnumSet.copyOf(CameraState.PAIRED_STATES);
            from.remove(target);
            machine.transition(name).from(from).to(target);
        });
        return machine.transition(CONTROL).from(lifecycle.working()).staying()
                .guard(CameraMachine::paired)
                .guard(CameraMachine::reached)
                .build();
    }

    private static Set<CameraState> with(Set<CameraState> states, CameraState more) {
        Set<CameraState> all = EnumSet.copyOf(states);
        all.add(more);
        return all;
    }

    private static Optional<Refusal> paired(CameraFacts facts) {
        CameraState state = facts.state().orElse(DISCOVERED);
        if (state.paired()) {
            return Optional.empty();
        }
        return Optional.of(CameraRefusals.notPaired(facts.cameraId(), facts.name())
                .withDetails(Map.of("state", state.name())));
    }

    private static Optional<Refusal> reached(CameraFacts facts) {
        CameraState state = facts.state().orElse(DISCOVERED);
        if (state == OFFLINE) {
            return Optional.of(Refusal.of(Refusal.Kind.GUARD, "camera.offline",
                            "Camera '" + facts.name() + "' is offline since " + facts.sinceWords(),
                            "check its power or network")
                    .withDetails(Map.of("camera", facts.cameraId(), "since", sinceInstant(facts), "why",
                            facts.why().orElse(""))));
        }
        return Optional.empty();
    }

    private static String sinceInstant(CameraFacts facts) {
        return facts.entity().map(entity -> entity.since().toString()).orElse("");
    }
}
