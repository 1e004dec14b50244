package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.testing.ChildJvm;

/** Other processes see the locks: a second JVM's lease refuses us, dies with it, and shares a lock in turns. */
class CrossProcessLockTest {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    @RegisterExtension
    final LockFixture fixture = LockFixture.withRealClock();


    @Test
    void aLockHeldByAProcessOfAnotherHostRefusesUsUntilThatProcessIsKilledAndItsLeaseExpires() throws Exception {
        LockRequest capture = LockRequest.of("camera:7/capture", "job:parent").leaseFor(Duration.ofSeconds(1));
        // The child names another host (as a process on a NAS-shared library would): we cannot see whether it lives.
        try (ChildJvm child = ChildJvm.start(LockWorkerMain.class, Map.of("HOSTNAME", "another-host"),
                "hold", fixture.databaseFile().toString(), "camera:7/capture", "job:child", "1000")) {
            long childFence = Long.parseLong(child.awaitLine("HELD ", STARTUP).substring("HELD ".length()));

            LockUnavailableException refused = catchThrowableOfType(() -> fixture.locks.tryAcquire(capture),
                    LockUnavailableException.class);
            assertThat(refused.holders()).singleElement().satisfies(holder -> {
                assertThat(holder.holder()).isEqualTo("job:child");
                assertThat(holder.process()).isEqualTo("lockworker@another-host:" + child.pid());
                assertThat(holder.fence()).isEqualTo(childFence);
            });
            assertThat(refused.refusal().details()).containsEntry("holder_process", refused.holders().get(0).process());

            Thread.sleep(1500);
            assertThat(fixture.locks.blockers(capture.name())).as("the child renews its 1 s lease")
                    .extracting(LockHolder::fence).containsExactly(childFence);

            child.killHard();
            long killed = System.nanoTime();
            try (Lease lease = fixture.locks.acquire(capture, LockPolicy.waitUpTo(Duration.ofSeconds(10)))) {
                long afterKillMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
                assertThat(lease.fence()).isGreaterThan(childFence);
                assertThat(afterKillMs).as("the dead holder's lease ran out, no sooner and not much later")
                        .isBetween(300L, 3000L);
            }
            assertThat(fixture.recording.ofType("lock:holder_dead")).as("a remote holder is never declared dead")
                    .isEmpty();
        }
    }

    @Test
    void aLockOfAKilledProcessOnThisHostIsTakenOverAtOnceWithTheNextFence() throws Exception {
        LockRequest capture = LockRequest.of("camera:7/capture", "job:parent");
        try (ChildJvm child = ChildJvm.start(LockWorkerMain.class, Map.of(),
                "hold", fixture.databaseFile().toString(), "camera:7/capture", "job:child", "30000")) {
            long childFence = Long.parseLong(child.awaitLine("HELD ", STARTUP).substring("HELD ".length()));
            assertThat(catchThrowableOfType(() -> fixture.locks.tryAcquire(capture), LockUnavailableException.class))
                    .as("a live holder on this host keeps its lock").isNotNull();

            child.killHard();

            // One attempt, no waiting: the 30 s lease of the dead child cannot be what frees the lock.
            try (Lease lease = fixture.locks.tryAcquire(capture)) {
                assertThat(lease.fence()).isEqualTo(childFence + 1);
            }
            assertThat(fixture.recording.ofType("lock:holder_dead")).singleElement().satisfies(message -> {
                assertThat(message.get("holder")).isEqualTo("job:child");
                assertThat(message.get("fence")).isEqualTo(childFence);
                assertThat(message.text("reason").orElseThrow()).contains("process " + child.pid() + " on this host is gone");
            });
        }
    }

    @Test
    void aLockWhoseHolderIdNowBelongsToANewerProcessIsTakenOverButALiveHolderIsNot() throws Exception {
        LockRequest capture = LockRequest.of("camera:7/capture", "job:parent");
        try (ChildJvm child = ChildJvm.start(LockWorkerMain.class, Map.of(),
                "hold", fixture.databaseFile().toString(), "camera:7/capture", "job:child", "30000")) {
            child.awaitLine("HELD ", STARTUP);
            assertThat(fixture.locks.blockers(capture.name())).as("alive, and started when its lease says").hasSize(1);

            // As if the holder had died and the OS had given its pid to the child since: the lease says it started
            // an hour before the process that has that id now.
            fixture.db.write(connection -> connection.createStatement()
                    .executeUpdate("UPDATE lock_lease SET process_started_at = process_started_at - 3600000"));

            assertThat(fixture.locks.blockers(capture.name())).as("a dead holder refuses nothing").isEmpty();
            try (Lease lease = fixture.locks.tryAcquire(capture)) {
                assertThat(lease.holder()).isEqualTo("job:parent");
            }
            assertThat(fixture.recording.ofType("lock:holder_dead")).singleElement()
                    .satisfies(message -> assertThat(message.text("reason").orElseThrow())
                            .contains("the id now belongs to a process started at"));
        }
    }

    @Test
    void threadsAndTwoProcessesTakeTurnsNeverOverlappingWithStrictlyIncreasingFences() throws Exception {
        int turns = 15;
        CriticalSection.create(fixture.db);
        CriticalSection section = new CriticalSection(fixture.db);
        Path go = fixture.folder.resolve("go");
        String lock = "sequence:1/render";
        String file = fixture.databaseFile().toString();
        try (ChildJvm a = ChildJvm.start(LockWorkerMain.class, Map.of(), "turns", file, lock, "process:a",
                        String.valueOf(turns), "5000", go.toString());
                ChildJvm b = ChildJvm.start(LockWorkerMain.class, Map.of(), "turns", file, lock, "process:b",
                        String.valueOf(turns), "5000", go.toString())) {
            a.awaitLine("READY", STARTUP);
            b.awaitLine("READY", STARTUP);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<?>> parentTurns = new ArrayList<>();
            for (String holder : List.of("thread:1", "thread:2")) {
                parentTurns.add(threads.submit(() -> {
                    for (int turn = 0; turn < turns; turn++) {
                        try (Lease lease = fixture.locks.acquire(LockRequest.of(lock, holder).leaseFor(Duration.ofSeconds(5)),
                                LockPolicy.waitUpTo(Duration.ofSeconds(30)))) {
                            section.visit(lease, Duration.ofMillis(2));
                        }
                    }
                    return null;
                }));
            }
            Files.createFile(go);

            for (Future<?> done : parentTurns) {
                done.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            a.awaitLine("DONE", Duration.ofSeconds(60));
            b.awaitLine("DONE", Duration.ofSeconds(60));
            assertThat(a.awaitExit(Duration.ofSeconds(30))).as(a.output()).isZero();
            assertThat(b.awaitExit(Duration.ofSeconds(30))).as(b.output()).isZero();
        }

        List<CriticalSection.Visit> visits = section.visits();
        assertThat(section.violations()).isEmpty();
        assertThat(visits).hasSize(4 * turns).allSatisfy(visit -> assertThat(visit.exitedMicros()).isPositive());
        assertThat(visits.stream().map(CriticalSection.Visit::fence).toList()).as("fences in the order of entry")
                .isSorted().doesNotHaveDuplicates();
        for (int i = 1; i < visits.size(); i++) {
            assertThat(visits.get(i).enteredMicros()).as("entered after the previous visitor left")
                    .isGreaterThanOrEqualTo(visits.get(i - 1).exitedMicros());
        }
        assertThat(visits.stream().collect(Collectors.groupingBy(CriticalSection.Visit::holder, Collectors.counting())))
                .isEqualTo(Map.of("process:a", (long) turns, "process:b", (long) turns,
                        "thread:1", (long) turns, "thread:2", (long) turns));
    }
}
