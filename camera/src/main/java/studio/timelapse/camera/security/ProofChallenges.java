package studio.timelapse.camera.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The challenges a studio signs to get a token: 256 random bits, bound to one studio, used once, valid for five
 * minutes. At most a few per studio are outstanding (the oldest give way), and only paired studios get any, so
 * memory stays small. Kept in memory: after a restart a studio's saved challenge is unknown, its token request gets
 * a 401 with a fresh one, and it signs that.
 */
final class ProofChallenges {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int OUTSTANDING_PER_STUDIO = 4;

    private record Issued(String value, Instant expiresAt) {}

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Deque<Issued>> byStudio = new HashMap<>();

    ProofChallenges(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    synchronized String issue(String studioId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Deque<Issued> outstanding = byStudio.computeIfAbsent(studioId, id -> new ArrayDeque<>());
        outstanding.removeIf(issued -> !clock.instant().isBefore(issued.expiresAt()));
        while (outstanding.size() >= OUTSTANDING_PER_STUDIO) {
            outstanding.removeFirst();
        }
        outstanding.addLast(new Issued(value, clock.instant().plus(LIFETIME)));
        return value;
    }

    /** Uses up {@code challenge}: true if it was issued to this studio, unused and unexpired. */
    synchronized boolean consume(String studioId, String challenge) {
        Deque<Issued> outstanding = byStudio.get(studioId);
        if (outstanding == null || challenge == null) {
            return false;
        }
        Instant now = clock.instant();
        for (Issued issued : outstanding) {
            if (issued.value().equals(challenge)) {
                outstanding.remove(issued);
                return now.isBefore(issued.expiresAt());
            }
        }
        return false;
    }

    synchronized void forget(String studioId) {
        byStudio.remove(studioId);
    }
}
