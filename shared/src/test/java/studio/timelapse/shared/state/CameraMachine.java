package studio.timelapse.shared.state;

import static studio.timelapse.shared.state.CameraMachine.CameraState.CAPTURING;
import static studio.timelapse.shared.state.CameraMachine.CameraState.DELETED;
import static studio.timelapse.shared.state.CameraMachine.CameraState.DELETING;
import static studio.timelapse.shared.state.CameraMachine.CameraState.DISCOVERED;
import static studio.timelapse.shared.state.CameraMachine.CameraState.FAILED;
import static studio.timelapse.shared.state.CameraMachine.CameraState.INITIALISING;
import static studio.timelapse.shared.state.CameraMachine.CameraState.OFFLINE;
import static studio.timelapse.shared.state.CameraMachine.CameraState.ONLINE;
import static studio.timelapse.shared.state.CameraMachine.CameraState.PAIRING;
import static studio.timelapse.shared.state.CameraMachine.CameraState.PAUSED;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/** A real example: a camera as the studio sees it, from discovery through pairing to capturing. */
final class CameraMachine {
    private CameraMachine() {}

    enum CameraState {
        INITIALISING, DISCOVERED, PAIRING, ONLINE, OFFLINE, CAPTURING, PAUSED, DELETING, DELETED, FAILED
    }

    /** What the camera's guards look at: who asks, and how much room the capture needs on the camera. */
    record CameraFacts(String cameraId, Principal user, long freeBytes, long neededBytes) {}

    static final Lifecycle<CameraState> LIFECYCLE = Lifecycle.of(INITIALISING, DISCOVERED, DELETING, DELETED, FAILED);

    static StateMachine<CameraState, CameraFacts> build(LockCheck locks) {
        Guard<CameraFacts> mayCapture = Guard.permission("camera.capture", CameraFacts::user);
        return StateMachine.<CameraState, CameraFacts>builder("camera", LIFECYCLE)
                .guard(Lifecycle.DELETE, Guard.permission("camera.delete", CameraFacts::user))
                .transition("pair").from(DISCOVERED).to(PAIRING)
                        .guard(Guard.permission("camera.pair", CameraFacts::user))
                .transition("confirm_pairing").from(PAIRING).to(ONLINE)
                .transition("cancel_pairing").from(PAIRING).to(DISCOVERED)
                .transition("disconnect").from(ONLINE).to(OFFLINE)
                .transition("reconnect").from(OFFLINE).to(ONLINE)
                .transition("start").from(ONLINE).to(CAPTURING)
                        .guard(mayCapture)
                        .guard(CameraMachine::enoughSpace)
                        .guard(Guard.unlocked(locks, facts -> "camera:" + facts.cameraId()))
                .transition("pause").from(CAPTURING).to(PAUSED).guard(mayCapture)
                .transition("resume").from(PAUSED).to(CAPTURING).guard(mayCapture).guard(CameraMachine::enoughSpace)
                .transition("stop").from(CAPTURING, PAUSED).to(ONLINE).guard(mayCapture)
                .transition("rename").from(LIFECYCLE.working()).staying()
                        .guard(Guard.permission("camera.edit", CameraFacts::user))
                .build();
    }

    /** A guard whose remedy is built from the facts: how much to free, not just "free some space". */
    static Optional<Refusal> enoughSpace(CameraFacts facts) {
        long missing = facts.neededBytes() - facts.freeBytes();
        if (missing <= 0) {
            return Optional.empty();
        }
        return Optional.of(Refusal.of(Refusal.Kind.GUARD, "camera.low_space",
                        "The camera has too little free space for this capture",
                        String.format(Locale.ROOT, "free %.1f GB on the camera", missing / 1e9))
                .withDetails(Map.of("free_bytes", facts.freeBytes(), "needed_bytes", facts.neededBytes())));
    }

    static Principal admin() {
        return Principal.of("ada", "camera.pair", "camera.capture", "camera.edit", "camera.delete");
    }

    static Principal viewer() {
        return Principal.of("vera");
    }

    /** Facts under which every guard of cam-7 is met (given no lock is held). */
    static CameraFacts allMet() {
        return allMet("cam-7");
    }

    static CameraFacts allMet(String cameraId) {
        return new CameraFacts(cameraId, admin(), 64_000_000_000L, 3_000_000_000L);
    }
}
