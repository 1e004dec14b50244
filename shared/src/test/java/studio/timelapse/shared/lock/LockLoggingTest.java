package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.actionlog.TaskTree;

/** A task's log shows which locks it took, which it could not have and why, and when it let them go. */
class LockLoggingTest {
    @RegisterExtension
    final LockFixture fixture = LockFixture.withManualClock();

    @Test
    void anAcquisitionIsAnActionWithItsFenceAndExpiry() {
        try (Action job = fixture.recording.log().start("studio:render");
                Lease lease = fixture.locks.acquire(LockRequest.of("sequence:12/render", "job:42"),
                        LockPolicy.waitUpTo(Duration.ofSeconds(5)))) {
            TaskTree.ActionNode acquire = fixture.recording.tree(job.taskUuid()).rootAction().orElseThrow()
                    .childActions().get(0);

            assertThat(acquire.actionType()).isEqualTo("lock:acquire");
            assertThat(acquire.status()).isEqualTo(ActionStatus.SUCCEEDED);
            LogMessage start = acquire.start().orElseThrow();
            assertThat(start.get("lock")).isEqualTo("sequence:12/render");
            assertThat(start.get("holder")).isEqualTo("job:42");
            assertThat(start.get("policy")).isEqualTo("wait_up_to 5 s");
            assertThat(start.get("lease_ms")).isEqualTo(30_000L);
            LogMessage end = acquire.end().orElseThrow();
            assertThat(end.get("fence")).isEqualTo(lease.fence());
            assertThat(end.get("expires_at")).isEqualTo("2024-06-01T12:00:30Z");
            assertThat(end.get("waited_ms")).isEqualTo(0L);
        }
    }

    @Test
    void aRefusalFailsTheAcquisitionNamingTheHolder() {
        fixture.take("sequence:12/render", "job:42");

        Action job = fixture.recording.log().start("studio:render");
        assertThatThrownBy(() -> fixture.take("sequence:12/frame:3/render", "job:43"))
                .isInstanceOf(LockUnavailableException.class);
        job.close();

        TaskTree.ActionNode acquire = fixture.recording.tree(job.taskUuid()).rootAction().orElseThrow()
                .childActions().get(0);
        assertThat(acquire.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(acquire.end().orElseThrow().text("exception")).contains(LockUnavailableException.class.getName());
        assertThat(acquire.end().orElseThrow().text("reason")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("sequence:12/frame:3/render is taken: job:42 holds sequence:12/render since"));
    }

    @Test
    void aReleaseIsAnActionInTheReleasingTask() {
        Lease lease = fixture.take("sequence:12/render", "job:42");
        fixture.clock.advance(Duration.ofSeconds(4));

        try (Action job = fixture.recording.log().start("studio:render")) {
            lease.close();
            List<TaskTree.ActionNode> children = fixture.recording.tree(job.taskUuid()).rootAction().orElseThrow()
                    .childActions();
            assertThat(children).singleElement().satisfies(release -> {
                assertThat(release.actionType()).isEqualTo("lock:release");
                assertThat(release.start().orElseThrow().get("fence")).isEqualTo(lease.fence());
                assertThat(release.start().orElseThrow().get("held_ms")).isEqualTo(4_000L);
                assertThat(release.end().orElseThrow().get("released")).isEqualTo(true);
            });
        }
        lease.close();
        assertThat(fixture.recording.ofType("lock:release")).as("closing twice releases once").hasSize(2);
    }

    @Test
    void aLossAfterTheAcquiringActionEndedIsATaskOfItsOwn() {
        Lease lease;
        String jobTask;
        try (Action job = fixture.recording.log().start("studio:render")) {
            jobTask = job.taskUuid();
            lease = fixture.take("sequence:12/render", "job:42");
        }
        fixture.clock.advance(LockFixture.LEASE);
        lease.expireIfDue();

        LogMessage lost = fixture.recording.ofType("lock:lost").get(0);
        assertThat(lost.taskUuid()).isNotEqualTo(jobTask);
        assertThat(fixture.recording.tree(jobTask).complete()).isTrue();
    }
}
