package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.Guard;
import studio.timelapse.shared.state.Lifecycle;
import studio.timelapse.shared.state.StateMachine;

/** A state machine's lock guard answered by the real lock table: "why can't I delete this sequence?" */
class LockGuardTest {
    @RegisterExtension
    final LockFixture fixture = LockFixture.withManualClock(
            LockCompatibility.builder().exclusive("delete").build());

    enum SequenceState { INITIALISING, READY, DELETING, DELETED, FAILED }

    private StateMachine<SequenceState, Long> sequences(String self) {
        return StateMachine.<SequenceState, Long>builder("sequence", Lifecycle.of(SequenceState.INITIALISING,
                        SequenceState.READY, SequenceState.DELETING, SequenceState.DELETED, SequenceState.FAILED))
                .guard("delete", Guard.unlocked(fixture.locks.asLockCheck(self), id -> "sequence:" + id + "/delete"))
                .build();
    }

    @Test
    void deletingASequenceThatARenderHoldsIsRefusedNamingTheHolderAndSince() {
        try (Lease render = fixture.locks.tryAcquire(LockRequest.of("sequence:12/render", "job:40"))) {
            List<Refusal> why = sequences("user:ann").explain(SequenceState.READY, "delete", 12L);
            assertThat(why).singleElement().satisfies(refusal -> {
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.LOCKED);
                assertThat(refusal.reason()).isEqualTo("sequence:12/render is held by job:40 since "
                        + render.acquiredAt());
                assertThat(refusal.remedy()).contains("wait until it is released, or stop job:40");
                assertThat(refusal.details()).containsEntry("holder", "job:40");
            });
            assertThat(sequences("user:ann").available(SequenceState.READY, 13L)).contains("delete");
        }
        assertThat(sequences("user:ann").available(SequenceState.READY, 12L)).contains("delete");
    }

    @Test
    void theCallersOwnLeaseDoesNotBlockIt() {
        try (Lease own = fixture.locks.tryAcquire(LockRequest.of("sequence:12/render", "job:40"))) {
            assertThat(sequences("job:40").explain(SequenceState.READY, "delete", 12L)).isEmpty();
        }
    }
}
