package studio.timelapse.shared.cancel;

import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells long work to stop at its next chunk boundary, and why: a user's cancel, a lost lock lease, a shutdown.
 * Work checks it between chunks ({@link #throwIfStopped()}); whoever wants it stopped calls {@link #stop}. The first
 * reason wins. Thread-safe.
 */
public final class StopSignal {
    private volatile String reason;
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Asks the work to stop; later calls keep the first reason. */
    public void stop(String why) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
        }
        listeners.forEach(listener -> listener.accept(why));
    }

    public boolean stopped() {
        return reason != null;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** Throws {@link StoppedException} with the reason if the work was asked to stop. */
    public void throwIfStopped() {
        String why = reason;
        if (why != null) {
            throw new StoppedException(why);
        }
    }

    /** Runs {@code listener} once the signal stops (at once if it already has). */
    public void onStop(Consumer<String> listener) {
        listeners.add(listener);
        String why = reason;
        if (why != null && listeners.remove(listener)) {
            listener.accept(why);
        }
    }

    /** A stop that ends another signal too: a job's signal follows its lock's. */
    public void propagateTo(StopSignal other) {
        onStop(other::stop);
    }
}
