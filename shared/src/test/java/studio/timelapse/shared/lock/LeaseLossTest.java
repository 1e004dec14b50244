package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * Long work checks its lock between chunks. Renewals keep the lease; a lease that is overtaken, expires unrenewed,
 * or cannot be renewed before it would expire flips the stop signal, and the work stops at its next chunk, saying
 * why. A manual clock: the renewals are called by the test.
 */
class LeaseLossTest {
    @RegisterExtension
    final LockFixture fixture = LockFixture.withManualClock();

    @Test
    void renewalsKeepALeaseWellPastItsFirstExpiry() {
        Lease lease = fixture.take("sequence:12/render", "job:42");
        for (int i = 0; i < 5; i++) {
            fixture.clock.advance(Duration.ofSeconds(10));
            lease.renew();
        }

        assertThat(lease.stillHeld()).isTrue();
        assertThat(lease.expiresAt()).hasToString("2024-06-01T12:01:20Z");
        assertThat(lease.stopSignal().stopped()).isFalse();
    }

    @Test
    void aLeaseOvertakenAfterExpiryStopsTheWorkAtTheNextChunkAndTheLogSaysWhy() {
        List<Integer> done = new ArrayList<>();
        Action render = fixture.recording.log().start("studio:render", "sequence", 12);
        Lease lease = fixture.take("sequence:12/render", "job:42");

        StoppedException stopped = null;
        try {
            for (int frame = 1; frame <= 10; frame++) {
                lease.checkStillHeld();
                done.add(frame);
                if (frame == 3) {
                    // The holder stalls past its lease; another holder comes along and takes the lock.
                    fixture.clock.advance(LockFixture.LEASE.plusSeconds(1));
                    fixture.take("sequence:12/render", "job:43");
                }
            }
        } catch (StoppedException e) {
            stopped = render.fail(e);
        }

        assertThat(done).containsExactly(1, 2, 3);
        assertThat(stopped).hasMessageStartingWith("lost the lock sequence:12/render (fence " + lease.fence() + "): ")
                .hasMessageContaining("no longer in the database");
        assertThat(lease.stopSignal().reason()).contains(stopped.getMessage());
        LogMessage lost = fixture.recording.ofType("lock:lost").get(0);
        assertThat(lost.taskUuid()).as("logged in the work's own task").isEqualTo(render.taskUuid());
        assertThat(lost.get("fence")).isEqualTo(lease.fence());
        assertThat(lost.get("holder")).isEqualTo("job:42");
        assertThat(fixture.recording.tree(render.taskUuid()).rootAction().orElseThrow().status())
                .isEqualTo(ActionStatus.FAILED);
    }

    @Test
    void aRenewalThatFindsTheLeaseExpiredFlipsTheSignalBeforeTheNextChunk() {
        Lease lease = fixture.take("sequence:12/render", "job:42");
        StopSignal job = new StopSignal();
        lease.stopSignal().propagateTo(job);

        fixture.clock.advance(LockFixture.LEASE);
        lease.renew();

        assertThat(job.reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("its lease expired at 2024-06-01T12:00:30Z before it was renewed"));
        assertThatThrownBy(job::throwIfStopped).isInstanceOf(StoppedException.class);
        assertThat(lease.stillHeld()).isFalse();
    }

    @Test
    void anUnrenewedLeaseIsLostAtItsExpiry() {
        Lease lease = fixture.take("sequence:12/render", "job:42");

        fixture.clock.advance(LockFixture.LEASE.minusMillis(1));
        lease.expireIfDue();
        assertThat(lease.stopSignal().stopped()).isFalse();
        fixture.clock.advance(Duration.ofMillis(1));
        lease.expireIfDue();

        assertThat(lease.stopSignal().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("its lease expired at 2024-06-01T12:00:30Z without a renewal"));
    }

    @Test
    void aDatabaseErrorIsRetriedWhileTheLeaseLastsBeyondTheNextRenewal() {
        // A second connection pool on the same file, closed under the lease: every renewal then fails.
        ManualClock clock = fixture.clock;
        try (RecordingLog recording = new RecordingLog(clock, clock)) {
            SqliteDatabase failing = LockFixture.migratedDatabase(fixture.databaseFile());
            Locks locks = Locks.builder(failing, recording.log()).clock(clock).build();
            Lease lease = locks.tryAcquire(LockRequest.of("sequence:12/render", "job:42"));
            failing.close();

            clock.advance(Duration.ofSeconds(10));
            lease.renew();
            assertThat(lease.stopSignal().stopped()).as("next try at 20 s, before expiry at 30 s").isFalse();
            assertThat(recording.ofType("lock:renew_failed")).singleElement()
                    .satisfies(m -> assertThat(m.text("reason")).hasValueSatisfying(r -> assertThat(r).contains("closed")));

            clock.advance(Duration.ofSeconds(10));
            lease.renew();

            assertThat(lease.stopSignal().reason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("could not be renewed before it expires at 2024-06-01T12:00:30Z"));
            assertThat(recording.ofType("lock:lost")).hasSize(1);
            locks.close();
        }
    }

    @Test
    void aLostLeaseIsLostOnceAndReleasingItAfterwardsIsHarmless() {
        Lease lease = fixture.take("sequence:12/render", "job:42");
        fixture.clock.advance(LockFixture.LEASE);

        lease.expireIfDue();
        lease.renew();
        lease.close();

        assertThat(fixture.recording.ofType("lock:lost")).hasSize(1);
        assertThatThrownBy(lease::checkStillHeld).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was released");
    }

    @Test
    void closingTheServiceStopsTheWorkOfLeasesStillHeld() {
        Lease lease = fixture.take("sequence:12/render", "job:42");

        fixture.locks.close();

        assertThat(lease.stopSignal().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .endsWith("the lock service was closed"));
        assertThatThrownBy(lease::checkStillHeld).isInstanceOf(StoppedException.class);
    }

    @Test
    void aReleasedLeaseIsNotRenewedAndReportsNoLoss() {
        Lease lease = fixture.take("sequence:12/render", "job:42");
        lease.close();
        lease.renew();
        lease.expireIfDue();

        assertThat(lease.stopSignal().stopped()).isFalse();
        assertThat(fixture.recording.ofType("lock:lost")).isEmpty();
        assertThat(fixture.leaseRows()).isZero();
    }
}
