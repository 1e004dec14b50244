package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;

/**
 * The camera's new frames, fetched a few at a time and handed out in sequence order: it lists pages after the
 * cursor as it goes and keeps up to {@code ahead} downloads running, so the network stays busy while the caller
 * stores what already arrived. A failure of one download ends the window (the others stop at their next read) and
 * reaches the caller when it gets to that frame.
 */
final class DownloadWindow implements AutoCloseable {

    /** Lists frames after a cursor: {@code GET /api/v1/frames?after=…&limit=…}. */
    @FunctionalInterface
    interface Listing {
        FramePage after(Optional<FrameId> cursor, int limit) throws IOException;
    }

    /** One frame in order: in its place in the library (not yet stored), or one the camera cannot give. */
    sealed interface Outcome {
        FrameInfo info();
    }

    record Placed(FrameInfo info, NewCameraFrame row) implements Outcome {}

    record Unavailable(FrameInfo info, FrameUnavailableException why) implements Outcome {}

    /** Fetches one frame and puts it in place; runs on the window's threads. */
    @FunctionalInterface
    interface FrameTask {
        NewCameraFrame fetch(FrameInfo frame, StopSignal stop) throws Exception;
    }

    private final Listing listing;
    private final FrameTask task;
    private final int ahead;
    private final int pageSize;
    private final ActionLog log;
    private final StopSignal stop = new StopSignal();
    private final ExecutorService pool;
    private final Deque<FrameInfo> listed = new ArrayDeque<>();
    private final Deque<Future<Outcome>> running = new ArrayDeque<>();
    private Optional<FrameId> listedThrough;
    private boolean listingExhausted;

    DownloadWindow(Listing listing, Optional<FrameId> after, FrameTask task, int parallel, int ahead,
            int pageSize, StopSignal jobStop, ActionLog log) {
        if (parallel < 1 || ahead < parallel) {
            throw new IllegalArgumentException("need 1 <= parallel <= ahead, was " + parallel + " and " + ahead);
        }
        this.listing = listing;
        this.listedThrough = after;
        this.task = task;
        this.ahead = ahead;
        this.pageSize = pageSize;
        this.log = log;
        jobStop.propagateTo(stop);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "sync-download-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The next frame in sequence order, waiting for its download; empty once the camera lists nothing more.
     *
     * @throws IOException the listing or a download kept failing (the caller stores what it has and retries later)
     */
    Optional<Outcome> next() throws IOException, LibraryFullException, InterruptedException {
        fill();
        Future<Outcome> first = running.poll();
        if (first == null) {
            return Optional.empty();
        }
        try {
            Outcome outcome = first.get();
            fill();
            return Optional.of(outcome);
        } catch (ExecutionException e) {
            stop.stop("a download failed: " + e.getCause().getMessage());
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new StoppedException(stop.reason().orElse("the downloads were stopped"));
        }
    }

    /** Frames listed so far but not yet handed out, in flight included: what the caller has not seen. */
    int pending() {
        return listed.size() + running.size();
    }

    private void fill() throws IOException, InterruptedException {
        while (running.size() < ahead && !stop.stopped()) {
            if (listed.isEmpty()) {
                if (listingExhausted) {
                    return;
                }
                FramePage page = listPersistently();
                listed.addAll(page.frames());
                page.frames().stream().map(FrameInfo::id).reduce((a, b) -> b).ifPresent(last ->
                        listedThrough = Optional.of(last));
                listingExhausted = page.next().isEmpty() || page.frames().isEmpty();
                continue;
            }
            FrameInfo frame = listed.poll();
            running.add(pool.submit(log.wrap(() -> download(frame))));
        }
    }

    private Outcome download(FrameInfo frame) throws Exception {
        try {
            return new Placed(frame, task.fetch(frame, stop));
        } catch (FrameUnavailableException unavailable) {
            return new Unavailable(frame, unavailable);
        }
    }

    /** A page, tried a few times: a listing cut short is as ordinary as a download cut short. */
    private FramePage listPersistently() throws IOException, InterruptedException {
        long pause = 50;
        for (int attempt = 1; ; attempt++) {
            stop.throwIfStopped();
            try {
                return listing.after(listedThrough, pageSize);
            } catch (IOException e) {
                if (attempt >= 6) {
                    throw e;
                }
                log.message("studio:sync:listing_retry", "after", listedThrough.map(FrameId::toString).orElse(null),
                        "attempt", attempt, "reason", e.getMessage());
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 2000);
            }
        }
    }

    private static IOException rethrow(Throwable cause) throws LibraryFullException, InterruptedException {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof LibraryFullException full) {
            throw full;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /** Stops the downloads still running (their partial files stay, to be resumed). */
    @Override
    public void close() {
        stop.stop("the sync is done with these downloads");
        running.forEach(future -> future.cancel(false));
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
