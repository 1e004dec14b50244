package studio.timelapse.camera.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.ManualClock;

class ClientThrottleTest {
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    final ClientThrottle throttle = new ClientThrottle(clock);

    @Test
    void aClientWaitsTwiceAsLongAfterEachWrongCodeInARowUpToAMinute() {
        assertThat(throttle.waitBefore("10.0.0.5")).isEmpty();
        for (long expected : new long[] {1, 2, 4, 8, 16, 32, 60, 60}) {
            throttle.failed("10.0.0.5");
            assertThat(throttle.waitBefore("10.0.0.5")).contains(Duration.ofSeconds(expected));
            clock.advance(Duration.ofSeconds(expected));
            assertThat(throttle.waitBefore("10.0.0.5")).isEmpty();
        }
    }

    @Test
    void otherClientsAreNotSlowedDown() {
        throttle.failed("10.0.0.5");

        assertThat(throttle.waitBefore("10.0.0.6")).isEmpty();
    }

    @Test
    void aSuccessOrFifteenQuietMinutesForgetTheWrongCodes() {
        throttle.failed("10.0.0.5");
        throttle.failed("10.0.0.5");
        throttle.succeeded("10.0.0.5");
        throttle.failed("10.0.0.5");
        assertThat(throttle.waitBefore("10.0.0.5")).contains(Duration.ofSeconds(1));

        throttle.failed("10.0.0.5");
        clock.advance(Duration.ofMinutes(15));
        throttle.failed("10.0.0.5");

        assertThat(throttle.waitBefore("10.0.0.5")).contains(Duration.ofSeconds(1));
    }
}
