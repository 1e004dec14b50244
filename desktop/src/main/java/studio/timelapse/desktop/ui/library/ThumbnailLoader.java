package studio.timelapse.desktop.ui.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Thumbnail;

/**
 * Thumbnails for the grid, read off the UI thread: requests queue up, the newest first (what is on screen now), and
 * are read from the library in batches of up to {@value #BATCH}, skipping those taken back ({@link #cancel}) meanwhile;
 * the JPEG bytes of the most recent
 * {@value #KEEP} frames stay in memory. A frame ingest has not reached yet has no thumbnail: the answer names its
 * file instead, for the view to decode scaled down.
 */
public final class ThumbnailLoader implements AutoCloseable {
    static final int BATCH = 64;
    static final int KEEP = 6_000;

    /** A frame's thumbnail, or, before ingest made one, its file. */
    public record Thumb(Optional<byte[]> jpeg, Optional<Path> file) {}

    private final Frames frames;
    private final Path libraryFolder;
    private final ExecutorService reader;
    private final Deque<Long> wanted = new ConcurrentLinkedDeque<>();
    private final Map<Long, CompletableFuture<Thumb>> pending = new LinkedHashMap<>();
    private final Map<Long, Thumb> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Thumb> eldest) {
            return size() > KEEP;
        }
    });
    private final AtomicBoolean draining = new AtomicBoolean();

    public ThumbnailLoader(Frames frames, Path libraryFolder) {
        this.frames = frames;
        this.libraryFolder = libraryFolder;
        this.reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "thumbnail-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The frame's thumbnail, at once from memory or later from the library. */
    public CompletableFuture<Thumb> thumbnail(long frameId) {
        Thumb known = cache.get(frameId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        synchronized (pending) {
            CompletableFuture<Thumb> waiting = pending.get(frameId);
            if (waiting != null) {
                wanted.addFirst(frameId);
                return waiting;
            }
            CompletableFuture<Thumb> future = new CompletableFuture<>();
            pending.put(frameId, future);
            wanted.addFirst(frameId);
            drain();
            return future;
        }
    }

    /**
     * Takes back a request nobody waits for any more (its cell scrolled away): it is not read, and its future is
     * cancelled. A frame already read is left in memory.
     */
    public void cancel(long frameId) {
        CompletableFuture<Thumb> future;
        synchronized (pending) {
            future = pending.remove(frameId);
        }
        if (future != null) {
            future.cancel(false);
        }
    }

    /** Forgets which frames had no thumbnail: an ingest has run since, and may have made theirs. */
    public void forgetMissing() {
        synchronized (cache) {
            cache.values().removeIf(thumb -> thumb.jpeg().isEmpty());
        }
    }

    private void drain() {
        if (draining.compareAndSet(false, true)) {
            try {
                reader.execute(this::readBatches);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                draining.set(false);
            }
        }
    }

    /** Reads batches until nothing is wanted; a request arriving after that starts the next drain. */
    private void readBatches() {
        while (true) {
            List<Long> batch = new ArrayList<>(BATCH);
            synchronized (pending) {
                while (batch.size() < BATCH && !wanted.isEmpty()) {
                    Long id = wanted.pollFirst();
                    if (pending.containsKey(id) && !batch.contains(id)) {
                        batch.add(id);
                    }
                }
                if (batch.isEmpty()) {
                    draining.set(false);
                    return;
                }
            }
            Map<Long, Thumbnail> read;
            try {
                read = frames.thumbnails(batch);
            } catch (RuntimeException e) {
                fail(batch, e);
                continue;
            }
            for (Long id : batch) {
                Thumbnail found = read.get(id);
                Thumb jpeg = found != null ? new Thumb(Optional.of(found.jpeg()), Optional.empty())
                        : new Thumb(Optional.empty(), frames.find(id).map(frame -> libraryFolder.resolve(frame.path())));
                cache.put(id, jpeg);
                CompletableFuture<Thumb> future;
                synchronized (pending) {
                    future = pending.remove(id);
                }
                if (future != null) {
                    future.complete(jpeg);
                }
            }
        }
    }

    private void fail(List<Long> batch, RuntimeException e) {
        for (Long id : batch) {
            CompletableFuture<Thumb> future;
            synchronized (pending) {
                future = pending.remove(id);
            }
            if (future != null) {
                future.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
