package studio.timelapse.shared.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.CameraMachine.CameraFacts;
import studio.timelapse.shared.state.CameraMachine.CameraState;

/**
 * Many threads fire at one entity, through two handles of the database file as two processes would: exactly one
 * wins each race, every loser is told so, and no transition is ever made twice.
 */
class ConcurrentFireTest {
    private static final int THREADS = 8;

    @TempDir
    Path folder;

    private CameraStore cameras;
    private SqliteDatabase secondHandle;
    private final List<StateStore<CameraState, CameraFacts>> stores = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @BeforeEach
    void open() {
        cameras = new CameraStore(folder.resolve("studio.sqlite"));
        secondHandle = SqliteDatabase.open(folder.resolve("studio.sqlite"));
        stores.add(cameras.store);
        stores.add(cameras.on(secondHandle));
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        secondHandle.close();
        cameras.close();
    }

    @Test
    void ofManyFiresFromTheSameVersionOneWinsAndEveryOtherIsToldWhichStateWon() throws Exception {
        for (int round = 0; round < 5; round++) {
            String camera = "cam-" + round;
            long seen = cameras.online(camera).version();

            List<Outcome> outcomes = race(thread -> () -> stores.get(thread % 2)
                    .fire(camera, "start", seen, CameraMachine.allMet(camera), "thread " + thread));

            assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.won()).hasSize(THREADS - 1)
                    .allSatisfy(lost -> {
                        assertThat(lost.refusal().kind()).isEqualTo(Refusal.Kind.CONFLICT);
                        assertThat(lost.refusal().details()).containsEntry("state", "CAPTURING")
                                .containsEntry("transition", "start");
                    });
            assertThat(cameras.store.current(camera).orElseThrow().version()).isEqualTo(seen + 1);
            assertThat(cameras.store.history(camera)).filteredOn(step -> step.transition().equals("start")).hasSize(1);
        }
    }

    @Test
    void firesThatEachReadTheStateFirstLoseWithAConflictOrTheWrongState() throws Exception {
        cameras.online("cam-7");

        List<Outcome> outcomes = race(thread -> () -> {
            StateStore<CameraState, CameraFacts> store = stores.get(thread % 2);
            long version = store.current("cam-7").orElseThrow().version();
            return store.fire("cam-7", "start", version, CameraMachine.allMet("cam-7"), "thread " + thread);
        });

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .extracting(outcome -> outcome.refusal().kind())
                .allMatch(kind -> kind == Refusal.Kind.CONFLICT || kind == Refusal.Kind.WRONG_STATE);
        assertThat(cameras.store.history("cam-7")).filteredOn(step -> step.transition().equals("start")).hasSize(1);
    }

    @Test
    void threadsTogglingPauseAndResumeLeaveOneStepPerWinAndAHistoryWithoutGaps() throws Exception {
        cameras.online("cam-7");
        long capturingSince = cameras.fire("cam-7", "start").version();
        AtomicInteger wins = new AtomicInteger();

        List<Outcome> outcomes = race(thread -> () -> {
            StateStore<CameraState, CameraFacts> store = stores.get(thread % 2);
            EntityState<CameraState> last = null;
            for (int attempt = 0; attempt < 25; attempt++) {
                EntityState<CameraState> now = store.current("cam-7").orElseThrow();
                String toggle = now.state() == CameraState.CAPTURING ? "pause" : "resume";
                try {
                    last = store.fire("cam-7", toggle, now.version(), CameraMachine.allMet("cam-7"), "toggle");
                    wins.incrementAndGet();
                } catch (RefusedException lost) {
                    // Another thread toggled first: read again and go on.
                }
            }
            return last;
        });

        assertThat(outcomes).allMatch(outcome -> outcome.error() == null);
        List<HistoryEntry<CameraState>> history = cameras.store.history("cam-7");
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).version()).isEqualTo(history.get(i - 1).version() + 1);
            assertThat(history.get(i).from()).contains(history.get(i - 1).to());
        }
        long toggles = history.stream().filter(step -> step.version() > capturingSince).count();
        assertThat(toggles).isPositive().isEqualTo(wins.get());
        assertThat(cameras.store.current("cam-7").orElseThrow().version()).isEqualTo(capturingSince + toggles);
    }

    /** Runs one task per thread, released together, and gathers how each ended. */
    private List<Outcome> race(IntFunction<Callable<EntityState<CameraState>>> task)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            Callable<EntityState<CameraState>> body = task.apply(thread);
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return new Outcome(body.call(), null, null);
                } catch (RefusedException refused) {
                    return new Outcome(null, refused.refusals().get(0), null);
                } catch (RuntimeException error) {
                    return new Outcome(null, null, error);
                }
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** How one thread's fire ended: it won, it was refused, or it failed otherwise (which no test expects). */
    private record Outcome(EntityState<CameraState> after, Refusal refusal, RuntimeException error) {
        boolean won() {
            return after != null;
        }
    }
}
