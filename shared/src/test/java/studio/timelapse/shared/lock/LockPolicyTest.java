package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.cancel.StoppedException;

/** When the lock is taken, the caller's policy decides: fail now, wait up to a bound, or reschedule. Real time. */
class LockPolicyTest {
    private static final LockRequest RENDER = LockRequest.of("sequence:12/render", "job:43");

    @RegisterExtension
    final LockFixture fixture = LockFixture.withRealClock();

    private Lease held;

    @BeforeEach
    void holdTheLock() {
        held = fixture.take("sequence:12/render", "job:42");
    }

    @Test
    void failNowRefusesAfterOneAttempt() {
        LockUnavailableException refused = catchThrowableOfType(
                () -> fixture.locks.acquire(RENDER, LockPolicy.failNow()), LockUnavailableException.class);

        assertThat(refused.holders()).extracting(LockHolder::holder).containsExactly("job:42");
        assertThat(refused.waited()).isLessThan(Duration.ofMillis(500));
        assertThat(refused.retryAfter()).isEmpty();
        assertThat(fixture.recording.ofType("lock:waiting")).isEmpty();
    }

    @Test
    void waitUpToGetsTheLockOnceTheHolderReleasesInTime() {
        CompletableFuture.runAsync(held::close, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        try (Lease lease = fixture.locks.acquire(RENDER, LockPolicy.waitUpTo(Duration.ofSeconds(10)))) {
            assertThat(lease.fence()).isGreaterThan(held.fence());
        }
        assertThat(fixture.recording.ofType("lock:waiting")).singleElement()
                .satisfies(waiting -> assertThat(waiting.get("holders").toString()).contains("job:42"));
        assertThat(fixture.recording.ofType("lock:acquire")).last()
                .satisfies(end -> assertThat(end.number("waited_ms")).hasValueSatisfying(
                        waited -> assertThat(waited).isBetween(150.0, 5_000.0)));
    }

    @Test
    void waitUpToRefusesOnceTheBoundHasPassed() {
        long start = System.nanoTime();

        LockUnavailableException refused = catchThrowableOfType(
                () -> fixture.locks.acquire(RENDER, LockPolicy.waitUpTo(Duration.ofMillis(300))), LockUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
        assertThat(refused.waited()).isPositive();
        assertThat(refused.refusal().remedy().orElseThrow()).matches("waited \\d+ ms; try again once job:42 is done");
    }

    @Test
    void rescheduleAfterRefusesAtOnceWithARetryHintForTheJobRunner() {
        LockUnavailableException refused = catchThrowableOfType(
                () -> fixture.locks.acquire(RENDER, LockPolicy.rescheduleAfter(Duration.ofSeconds(30))),
                LockUnavailableException.class);

        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(refused.refusal().details()).containsEntry("retry_after_ms", 30_000L);
        assertThat(refused.refusal().remedy()).contains("try again in 30 s");
    }

    @Test
    void anInterruptedWaitStopsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> fixture.locks.acquire(RENDER, LockPolicy.waitUpTo(Duration.ofSeconds(10))))
                    .isInstanceOf(StoppedException.class)
                    .hasMessage("interrupted while waiting for the lock sequence:12/render");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void policiesDescribeThemselvesForTheLog() {
        assertThat(LockPolicy.failNow()).hasToString("fail_now");
        assertThat(LockPolicy.waitUpTo(Duration.ofSeconds(5))).hasToString("wait_up_to 5 s");
        assertThat(LockPolicy.waitUpTo(Duration.ofMillis(1500))).hasToString("wait_up_to 1.5 s");
        assertThat(LockPolicy.rescheduleAfter(Duration.ofMinutes(2))).hasToString("reschedule_after 2 min");
        assertThatThrownBy(() -> LockPolicy.waitUpTo(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
