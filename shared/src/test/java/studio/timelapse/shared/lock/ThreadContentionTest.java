package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads, locks on a sequence and on its frames, two purposes that may overlap: no two holders the rules
 * forbid are ever inside at once, compatible ones do get in together, and each lock's fences grow in the order its
 * holders entered. Which pairs may overlap is spelt out here, independently of the code under test.
 */
class ThreadContentionTest {
    private static final List<String> LOCKS = List.of("sequence:1/render", "sequence:1/frame:1/render",
            "sequence:1/frame:2/render", "sequence:1/sync", "sequence:1/frame:1/preview");
    /** The only pairs of these that may be held at once: unrelated frames, or sync with preview. */
    private static final Set<Set<String>> MAY_OVERLAP = Set.of(
            Set.of("sequence:1/frame:1/render", "sequence:1/frame:2/render"),
            Set.of("sequence:1/frame:2/render", "sequence:1/frame:1/preview"),
            Set.of("sequence:1/sync", "sequence:1/frame:1/preview"));
    private static final int THREADS = 6;
    private static final int TURNS = 25;

    @RegisterExtension
    final LockFixture fixture = LockFixture.withRealClock(
            LockCompatibility.builder().mayOverlap("sync", "preview").build());

    /** Who is inside now, and what went wrong; guarded by itself. */
    private final List<String> inside = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, List<Long>> fencesInEntryOrder = new HashMap<>();
    private int overlaps;

    @Test
    void noTwoIncompatibleHoldersAreEverInsideAtOnce() throws Exception {
        Locks locks = fixture.locks;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            String holder = "thread:" + t;
            workers.add(pool.submit(() -> {
                for (int turn = 0; turn < TURNS; turn++) {
                    String name = LOCKS.get(random.nextInt(LOCKS.size()));
                    try (Lease lease = locks.acquire(LockRequest.of(name, holder),
                            LockPolicy.waitUpTo(Duration.ofSeconds(30)))) {
                        enter(name, lease.fence());
                        Thread.sleep(2);
                        leave(name);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        synchronized (inside) {
            assertThat(violations).isEmpty();
            assertThat(overlaps).as("compatible holders were let in together").isPositive();
            Set<Long> allFences = new HashSet<>();
            fencesInEntryOrder.forEach((name, fences) -> {
                assertThat(fences).as(name).isSorted().doesNotHaveDuplicates();
                allFences.addAll(fences);
            });
            assertThat(allFences).hasSize(THREADS * TURNS);
        }
    }

    private void enter(String name, long fence) {
        synchronized (inside) {
            for (String other : inside) {
                if (MAY_OVERLAP.contains(Set.of(other, name))) {
                    overlaps++;
                } else {
                    violations.add(name + " (fence " + fence + ") entered while " + other + " was inside");
                }
            }
            inside.add(name);
            fencesInEntryOrder.computeIfAbsent(name, n -> new ArrayList<>()).add(fence);
        }
    }

    private void leave(String name) {
        synchronized (inside) {
            inside.remove(name);
        }
    }
}
