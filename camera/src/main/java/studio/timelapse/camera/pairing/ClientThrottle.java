package studio.timelapse.camera.pairing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down one client that keeps trying wrong pairing codes, across windows: after its n-th wrong code in a row
 * it waits 2^(n-1) seconds (at most a minute) before the next try counts. The window's own limit of five wrong codes
 * stops guessing within one window; this stops a client from waiting for the next window and starting over at full
 * speed. Kept in memory for the clients seen lately: a restart forgets it, and the window limit still holds.
 */
final class ClientThrottle {
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int CLIENTS_KEPT = 256;

    private record Failures(int inARow, Instant last) {}

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > CLIENTS_KEPT;
        }
    };

    ClientThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code client} must still wait before its next attempt; empty if it may try now. */
    synchronized Optional<Duration> waitBefore(String client) {
        Failures seen = failures.get(client);
        if (seen == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(seen.last().plus(FORGET_AFTER))) {
            failures.remove(client);
            return Optional.empty();
        }
        Instant allowedAt = seen.last().plus(backoff(seen.inARow()));
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    synchronized void failed(String client) {
        Instant now = clock.instant();
        Failures seen = failures.get(client);
        boolean counts = seen != null && now.isBefore(seen.last().plus(FORGET_AFTER));
        failures.put(client, new Failures(counts ? seen.inARow() + 1 : 1, now));
    }

    synchronized void succeeded(String client) {
        failures.remove(client);
    }

    static Duration backoff(int inARow) {
        if (inARow >= 7) {
            return LONGEST_WAIT;
        }
        Duration wait = Duration.ofSeconds(1L << (inARow - 1));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
