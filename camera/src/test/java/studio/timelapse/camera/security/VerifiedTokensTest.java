package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.ManualClock;

/** The memory of verified tokens on its own: its bound and the window it answers in. */
class VerifiedTokensTest {
    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final List<String> verified = new ArrayList<>();
    /** Every token "t…" verifies, for studio "studio-t…", from now for ten minutes; anything else is refused. */
    final AccessTokens.Verifier verifier = token -> {
        verified.add(token);
        if (!token.startsWith("t")) {
            throw new AccessTokens.RejectedException(AccessTokens.Rejection.INVALID, "not ours");
        }
        return new AccessTokens.Verified("studio-" + token, clock.instant(), clock.instant().plus(Duration.ofMinutes(10)));
    };

    @Test
    void itNeverHoldsMoreThanItsCapacityAndForgetsTheLeastRecentlyUsedFirst() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 3);

        for (int i = 0; i < 10; i++) {
            assertThat(tokens.studioOf("t" + i)).isEqualTo("studio-t" + i);
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        tokens.studioOf("t7"); // now t8 is the least recently used
        tokens.studioOf("t10");
        verified.clear();
        tokens.studioOf("t7");
        tokens.studioOf("t9");
        tokens.studioOf("t8");

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(verified).containsExactly("t8");
    }

    @Test
    void aTokenIsAnsweredFromMemoryOnlyInsideItsWindow() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 3);
        tokens.studioOf("t1");

        clock.advance(Duration.ofMinutes(10).minusNanos(1));
        tokens.studioOf("t1");
        assertThat(verified).containsExactly("t1");

        clock.advance(Duration.ofNanos(1));
        tokens.studioOf("t1");
        assertThat(verified).containsExactly("t1", "t1");
        assertThat(tokens.verifications()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndExpiredOnesAreDroppedWhenANewOneArrives() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 3);
        tokens.studioOf("t1");

        assertThatThrownBy(() -> tokens.studioOf("x1")).isInstanceOf(AccessTokens.RejectedException.class);
        assertThatThrownBy(() -> tokens.studioOf("x1")).isInstanceOf(AccessTokens.RejectedException.class);
        assertThat(verified).containsExactly("t1", "x1", "x1");
        assertThat(tokens.size()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(tokens.studioOf("t2")).isEqualTo("studio-t2");
        assertThat(tokens.size()).isEqualTo(1);
    }
}
