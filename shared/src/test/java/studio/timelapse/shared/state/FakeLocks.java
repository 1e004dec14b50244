package studio.timelapse.shared.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Locks a test takes by hand, standing in for the lock library. */
final class FakeLocks implements LockCheck {
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    void hold(String lock, String holder, Instant since) {
        held.put(lock, new Held(lock, holder, since));
    }

    void release(String lock) {
        held.remove(lock);
    }

    void releaseAll() {
        held.clear();
    }

    @Override
    public Optional<Held> heldByOther(String lock) {
        return Optional.ofNullable(held.get(lock));
    }
}
