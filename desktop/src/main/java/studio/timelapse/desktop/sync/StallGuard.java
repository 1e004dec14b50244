package studio.timelapse.desktop.sync;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends reads that wait too long. A connection that stops sending without closing — a camera that lost power mid-
 * answer, a Wi-Fi link gone quiet — would block a download's read for ever: the HTTP client times out only the wait
 * for an answer's headers. A read that has waited longer than the limit is interrupted, which the client turns into
 * an {@link java.io.IOException}; the download then resumes like after any other cut.
 */
final class StallGuard implements AutoCloseable {
    private final Duration limit;
    private final LongSupplier nanoClock;
    private final Set<Read> reads = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    StallGuard(Duration limit) {
        this(limit, System::nanoTime);
    }

    StallGuard(Duration limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sync-stall-guard");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(10, Math.min(1000, limit.toMillis() / 4));
        ticker.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    Duration limit() {
        return limit;
    }

    /** Watches reads by the calling thread; call {@link Read#begin()} and {@link Read#end()} around each one. */
    Read watch() {
        Read read = new Read(Thread.currentThread());
        reads.add(read);
        return read;
    }

    private void check() {
        long now = nanoClock.getAsLong();
        for (Read read : reads) {
            read.interruptIfStalled(now, limit.toNanos());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** The reads of one download on one thread. */
    final class Read implements AutoCloseable {
        private final Thread reader;
        private boolean reading;
        private long since;
        private boolean stalled;

        private Read(Thread reader) {
            this.reader = reader;
        }

        synchronized void begin() {
            reading = true;
            since = nanoClock.getAsLong();
        }

        /** Ends a read; an interrupt the guard sent too late is cleared here, so it cannot hit the file write next. */
        synchronized void end() {
            reading = false;
            Thread.interrupted();
        }

        /** Whether the guard interrupted a read of this download. */
        synchronized boolean stalled() {
            return stalled;
        }

        private synchronized void interruptIfStalled(long now, long limitNanos) {
            if (reading && now - since > limitNanos) {
                stalled = true;
                reading = false;
                reader.interrupt();
            }
        }

        @Override
        public void close() {
            reads.remove(this);
            synchronized (this) {
                reading = false;
            }
        }
    }
}
