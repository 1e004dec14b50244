package studio.timelapse.desktop.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * A few threads (one per core by default) that work through a batch of frames at once: each thread holds one
 * frame's file in memory at a time, so memory stays bounded by the thread count whatever the batch size. Work runs
 * inside the caller's current action.
 */
public final class AnalysisThreads implements AutoCloseable {
    private final ExecutorService pool;
    private final ActionLog log;

    public AnalysisThreads(int threads, ActionLog log) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread, not " + threads);
        }
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "analysis-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.log = log;
    }

    /** One thread per core: analysis is CPU-bound, and reading files mostly comes from the page cache. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Work on one item; its failure is that item's outcome, not the batch's. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws IngestFailure;
    }

    /** What became of one item: a result, or the failure that stopped it. */
    public record Outcome<T, R>(T item, R result, IngestFailure failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /** Applies {@code work} to every item, several at once; the outcomes come in the items' order. */
    public <T, R> List<Outcome<T, R>> map(List<T> items, Work<T, R> work) throws InterruptedException {
        return submit(items, work).outcomes();
    }

    /**
     * Starts {@code work} on every item and returns at once, so the caller can queue the next batch behind this one
     * (the threads never wait for the caller between batches) or write the previous one's results meanwhile.
     */
    public <T, R> Pending<T, R> submit(List<T> items, Work<T, R> work) {
        List<Future<Outcome<T, R>>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(log.wrap(() -> {
                try {
                    return new Outcome<>(item, work.apply(item), null);
                } catch (IngestFailure failure) {
                    return new Outcome<T, R>(item, null, failure);
                }
            })));
        }
        return new Pending<>(futures);
    }

    /** A batch at work. */
    public static final class Pending<T, R> {
        private final List<Future<Outcome<T, R>>> futures;

        private Pending(List<Future<Outcome<T, R>>> futures) {
            this.futures = futures;
        }

        /** Waits for every item; the outcomes come in the items' order. */
        public List<Outcome<T, R>> outcomes() throws InterruptedException {
            List<Outcome<T, R>> outcomes = new ArrayList<>(futures.size());
            try {
                for (Future<Outcome<T, R>> future : futures) {
                    outcomes.add(future.get());
                }
            } catch (ExecutionException e) { // a bug or a failed write, not a bad frame: IngestFailure is caught above
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                futures.forEach(future -> future.cancel(true));
            }
            return outcomes;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
