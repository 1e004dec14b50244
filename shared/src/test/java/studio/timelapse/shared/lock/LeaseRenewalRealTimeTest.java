package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * Real time, 300 ms leases, two lock services on one file (as two processes would have): the background renewal
 * keeps a lease for as long as the work runs, and a lease that cannot be renewed stops its work when it expires.
 */
class LeaseRenewalRealTimeTest {
    private static final Duration LEASE = Duration.ofMillis(300);
    private static final LockRequest RENDER = LockRequest.of("sequence:12/render", "job:42").leaseFor(LEASE);
    private static final LockRequest RIVAL = LockRequest.of("sequence:12/render", "job:43").leaseFor(LEASE);

    @RegisterExtension
    final LockFixture fixture = LockFixture.withRealClock();

    /** A second connection pool and lock service on the same file, as another process would have. */
    private SqliteDatabase otherDb;
    private Locks otherLocks;

    @BeforeEach
    void open() {
        otherDb = SqliteDatabase.open(fixture.databaseFile());
        otherLocks = Locks.builder(otherDb, fixture.recording.log()).build();
    }

    @AfterEach
    void closeTheOther() {
        otherLocks.close();
        otherDb.close();
    }

    @Test
    void aRenewedLeaseOutlivesManyLeaseDurationsAndKeepsRivalsOut() throws InterruptedException {
        AtomicInteger chunks = new AtomicInteger();
        try (Lease lease = fixture.locks.tryAcquire(RENDER)) {
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                lease.checkStillHeld();
                chunks.incrementAndGet();
                assertThat(otherLocks.blockers(RIVAL.name())).extracting(LockHolder::fence).containsExactly(lease.fence());
                Thread.sleep(50);
            }
            assertThat(lease.stopSignal().stopped()).isFalse();
            assertThat(lease.expiresAt()).isAfter(lease.acquiredAt().plus(LEASE.multipliedBy(3)));
        }
        assertThat(chunks.get()).isGreaterThan(10);
        assertThat(fixture.recording.ofType("lock:lost")).isEmpty();
        otherLocks.tryAcquire(RIVAL).close();
    }

    @Test
    void aLeaseWhoseRenewalIsStuckBehindAnotherWriterStopsItsWorkWhenItExpires() throws Exception {
        Lease lease = fixture.locks.tryAcquire(RENDER);
        long acquired = System.nanoTime();
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    lease.stopSignal().throwIfStopped();
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            } catch (StoppedException e) {
                return e.getMessage();
            } catch (InterruptedException e) {
                return "interrupted";
            }
        });

        try (Connection writer = DriverManager.getConnection(fixture.db.url());
                Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");      // every renewal now waits in SQLite's busy loop
            String why = work.get(5, TimeUnit.SECONDS);
            long stoppedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acquired);

            assertThat(why).contains("without a renewal");
            assertThat(stoppedAfterMs).as("stopped at expiry, not when the writer let go").isBetween(250L, 1500L);
            statement.execute("ROLLBACK");
        }

        try (Lease next = otherLocks.acquire(RIVAL, LockPolicy.waitUpTo(Duration.ofSeconds(5)))) {
            assertThat(next.fence()).isGreaterThan(lease.fence());
        }
        lease.close();
    }

    @Test
    void aLeaseRemovedBehindItsBackIsNoticedByTheNextRenewal() {
        Lease lease = fixture.locks.tryAcquire(RENDER);

        otherDb.write(connection -> connection.createStatement().executeUpdate("DELETE FROM lock_lease"));

        await().atMost(Duration.ofSeconds(2)).until(() -> lease.stopSignal().stopped());
        assertThat(lease.stopSignal().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no longer in the database"));
        assertThat(fixture.recording.ofType("lock:lost")).hasSize(1);
        lease.close();
    }
}
