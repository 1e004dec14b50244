package studio.timelapse.camera.capture.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a frame's rows into bands rendered at once on the machine's cores (the calling thread takes one), so a
 * full-HD frame renders in a fraction of the time on a multi-core board. Each band's result depends only on its
 * rows, so frames stay the same whatever the number of threads.
 */
final class RowBands implements AutoCloseable {
    private static final int SPLIT_FROM_PIXELS = 100_000;

    private final int bands;
    private final ExecutorService helpers;

    /** @param bands how many bands (threads) a frame is split into; 1 renders on the calling thread alone */
    RowBands(int bands) {
        if (bands < 1) {
            throw new IllegalArgumentException("a frame renders in at least one band, not " + bands);
        }
        this.bands = bands;
        AtomicInteger number = new AtomicInteger();
        this.helpers = bands == 1 ? null : Executors.newFixedThreadPool(bands - 1, runnable -> {
            Thread thread = new Thread(runnable, "synthetic-camera-render-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int count() {
        return bands;
    }

    /** Work on rows {@code from} (inclusive) to {@code to} of band {@code band}, giving a sum. */
    @FunctionalInterface
    interface Band {
        long render(int band, int from, int to);
    }

    /**
     * Runs {@code work} over rows 0 to {@code rows}, band by band at once, and adds up what the bands give. Frames
     * of fewer than {@value #SPLIT_FROM_PIXELS} pixels stay on the calling thread: handing them over would cost more
     * than it saves.
     */
    long sum(int rows, int width, Band work) throws InterruptedException {
        if ((long) rows * width < SPLIT_FROM_PIXELS) {
            return work.render(0, 0, rows);
        }
        List<Future<Long>> others = new ArrayList<>(bands - 1);
        for (int band = 1; band < bands; band++) {
            int index = band;
            others.add(helpers.submit(() -> work.render(index, from(index, rows), from(index + 1, rows))));
        }
        long total = 0;
        try {
            total += work.render(0, 0, from(1, rows));
            for (Future<Long> other : others) {
                total += other.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("rendering a band of rows failed", cause);
        } finally {
            others.forEach(other -> other.cancel(true));
        }
        return total;
    }

    private int from(int band, int rows) {
        return (int) ((long) rows * band / bands);
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
