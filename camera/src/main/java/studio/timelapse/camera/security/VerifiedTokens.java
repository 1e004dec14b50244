package studio.timelapse.camera.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Access tokens that verified, remembered until they expire, so that a studio's token costs one ES256 signature check
 * rather than one per request (the check was half of the agent's CPU per 100 KB frame in a sync).
 *
 * <p>Keyed by the exact token text: a token that differs in any character is verified in full. A remembered token is
 * used only while the clock is inside the window in which it verified ({@code nbf} up to, not including, its
 * {@code exp}); outside it the token goes through full verification again, which gives the right refusal. Only tokens
 * that verified are remembered, and at most {@code capacity} of them (the least recently used go first). What the
 * cache cannot know is checked by the caller on every request: whether the studio is still paired.
 */
final class VerifiedTokens {
    /** A studio holds one or two live tokens at a time (one refreshed before the other expires); room for many. */
    static final int DEFAULT_CAPACITY = 256;

    private final AccessTokens.Verifier verifier;
    private final Clock clock;
    private final Map<String, AccessTokens.Verified> remembered;
    private final LongAdder verifications = new LongAdder();

    VerifiedTokens(AccessTokens.Verifier verifier, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the token cache needs room for at least one token, not " + capacity);
        }
        this.verifier = verifier;
        this.clock = clock;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccessTokens.Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The studio a token was issued to, from memory when it verified before and is still inside its window.
     *
     * @throws AccessTokens.RejectedException as {@link AccessTokens#verify} does
     */
    String studioOf(String token) throws AccessTokens.RejectedException {
        AccessTokens.Verified known;
        synchronized (remembered) {
            known = remembered.get(token);
        }
        if (known != null && known.validAt(clock.instant())) {
            return known.studioId();
        }
        // Verified outside the lock: a signature check takes milliseconds on a Pi, and requests run in parallel.
        verifications.increment();
        AccessTokens.Verified verified;
        try {
            verified = verifier.verify(token);
        } catch (AccessTokens.RejectedException e) {
            forget(token);
            throw e;
        }
        synchronized (remembered) {
            // Tokens are new rarely (a studio refreshes every few minutes): a good time to drop those past their exp.
            remembered.values().removeIf(entry -> !entry.validUntil().isAfter(clock.instant()));
            remembered.put(token, verified);
        }
        return verified.studioId();
    }

    /** How many tokens were verified in full (not answered from memory) since start. */
    long verifications() {
        return verifications.sum();
    }

    /** How many tokens are remembered now. */
    int size() {
        synchronized (remembered) {
            return remembered.size();
        }
    }

    private void forget(String token) {
        synchronized (remembered) {
            remembered.remove(token);
        }
    }
}
