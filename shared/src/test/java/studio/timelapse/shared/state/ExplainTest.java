package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.timelapse.shared.state.CameraMachine.allMet;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.CameraMachine.CameraFacts;
import studio.timelapse.shared.state.CameraMachine.CameraState;

/** What explain() says for each kind of refusal: enough for a screen to show why, and what to do about it. */
class ExplainTest {
    private final FakeLocks locks = new FakeLocks();
    private final StateMachine<CameraState, CameraFacts> camera = CameraMachine.build(locks);

    @Test
    void wrongStateNamesTheStateAndTheStatesItWouldStartFrom() {
        assertThat(camera.explain(CameraState.PAUSED, "pause", allMet())).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.WRONG_STATE);
            assertThat(refusal.code()).isEqualTo("state.wrong_state");
            assertThat(refusal.reason()).isEqualTo("The camera is paused; pause needs it capturing");
            assertThat(refusal.details()).containsEntry("state", "PAUSED").containsEntry("transition", "pause")
                    .containsEntry("allowed_from", List.of("CAPTURING"));
        });
        assertThat(camera.explain(CameraState.ONLINE, "stop", allMet()).get(0).reason())
                .isEqualTo("The camera is online; stop needs it capturing or paused");
    }

    @Test
    void anUnmetGuardGivesAReasonAndARemedyBuiltFromTheFacts() {
        CameraFacts lowSpace = new CameraFacts("cam-7", CameraMachine.admin(), 900_000_000L, 3_000_000_000L);
        assertThat(camera.explain(CameraState.ONLINE, "start", lowSpace)).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.GUARD);
            assertThat(refusal.code()).isEqualTo("camera.low_space");
            assertThat(refusal.remedy()).contains("free 2.1 GB on the camera");
            assertThat(refusal.details()).containsEntry("free_bytes", 900_000_000L)
                    .containsEntry("needed_bytes", 3_000_000_000L);
        });
    }

    @Test
    void aHeldLockNamesItsHolderAndSinceWhen() {
        locks.hold("camera:cam-7", "render of sequence 12", Instant.parse("2024-05-01T14:02:00Z"));
        assertThat(camera.explain(CameraState.ONLINE, "start", allMet())).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.LOCKED);
            assertThat(refusal.code()).isEqualTo("lock.held");
            assertThat(refusal.reason())
                    .isEqualTo("camera:cam-7 is held by render of sequence 12 since 2024-05-01T14:02:00Z");
            assertThat(refusal.remedy()).contains("wait until it is released, or stop render of sequence 12");
            assertThat(refusal.details()).containsEntry("lock", "camera:cam-7")
                    .containsEntry("holder", "render of sequence 12").containsEntry("since", "2024-05-01T14:02:00Z");
        });
        locks.release("camera:cam-7");
        assertThat(camera.explain(CameraState.ONLINE, "start", allMet())).isEmpty();
    }

    @Test
    void aMissingPermissionNamesWhoAndWhichPermission() {
        CameraFacts asViewer = new CameraFacts("cam-7", CameraMachine.viewer(), 64_000_000_000L, 1);
        assertThat(camera.explain(CameraState.CAPTURING, "pause", asViewer)).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
            assertThat(refusal.kind().httpStatus()).isEqualTo(403);
            assertThat(refusal.code()).isEqualTo("permission.missing");
            assertThat(refusal.reason()).isEqualTo("vera lacks the permission camera.capture");
            assertThat(refusal.remedy()).contains("ask an administrator to grant camera.capture");
            assertThat(refusal.details()).containsEntry("principal", "vera").containsEntry("permission",
                    "camera.capture");
        });
    }

    @Test
    void everyUnmetConditionIsListedAtOnceMostBasicFirst() {
        locks.hold("camera:cam-7", "render of sequence 12", Instant.EPOCH);
        CameraFacts everythingWrong = new CameraFacts("cam-7", CameraMachine.viewer(), 0, 3_000_000_000L);
        List<Refusal> refusals = camera.explain(CameraState.OFFLINE, "start", everythingWrong);
        assertThat(refusals).extracting(Refusal::kind).containsExactly(Refusal.Kind.FORBIDDEN,
                Refusal.Kind.WRONG_STATE, Refusal.Kind.GUARD, Refusal.Kind.LOCKED);
        // Thrown, they answer HTTP 403: the most basic reason decides the status, the others come along.
        assertThat(new RefusedException(refusals).httpStatus()).isEqualTo(403);
    }

    @Test
    void anUnknownTransitionIsInvalidInputAndListsTheKnownOnes() {
        assertThat(camera.explain(CameraState.ONLINE, "fly", allMet())).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.code()).isEqualTo("state.unknown_transition");
            assertThat(refusal.reason()).isEqualTo("A camera has no transition named 'fly'");
            assertThat(refusal.details().get("known")).isEqualTo(camera.transitions());
        });
    }
}
