package studio.timelapse.desktop.ui.library;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails for the grid, decoded off the JavaFX thread. Only what cells ask for is decoded, newest request
 * first (what is on screen now); a cell that scrolls away cancels its request, so a fast scroll does not leave a
 * backlog of thumbnails nobody will see. At most {@value #KEEP} decoded images stay in memory (a few screens of the
 * grid, about 20 MB at 160 px), the most recently shown kept. Called on the JavaFX thread only; answers come back on
 * it through {@code ui}.
 */
final class ThumbnailImages implements AutoCloseable {
    static final int KEEP = 400;

    /** A request a cell may take back once it shows another frame. */
    @FunctionalInterface
    interface Request {
        Request NONE = () -> { };

        void cancel();
    }

    private final ThumbnailLoader loader;
    private final double width;
    private final Executor ui;
    private final ThreadPoolExecutor decoders;
    private final Map<Long, Image> images = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > KEEP;
        }
    };
    private final Map<Long, Decoding> decoding = new HashMap<>();

    /** One frame's thumbnail on its way, and the cells waiting for it. */
    private static final class Decoding {
        final List<Consumer<Image>> waiting = new ArrayList<>(1);
        volatile boolean cancelled;
    }

    ThumbnailImages(ThumbnailLoader loader, double width, Executor ui) {
        this.loader = loader;
        this.width = width;
        this.ui = ui;
        AtomicInteger threads = new AtomicInteger();
        // Last in, first out: the newest request is what the grid shows now.
        LinkedBlockingDeque<Runnable> queue = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable task) {
                return offerFirst(task);
            }
        };
        this.decoders = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, queue, runnable -> {
            Thread thread = new Thread(runnable, "thumbnail-decoder-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        decoders.allowCoreThreadTimeOut(true);
    }

    /** The image now if it is decoded already, else null and {@code ready} later, on the JavaFX thread. */
    Image get(long frameId, Consumer<Image> ready) {
        Image known = images.get(frameId);
        if (known == null) {
            request(frameId, ready);
        }
        return known;
    }

    /**
     * Hands the frame's image to {@code ready}: at once if it is decoded, else once it is. The answer is the request,
     * to cancel when the image is no longer wanted.
     */
    Request request(long frameId, Consumer<Image> ready) {
        Image known = images.get(frameId);
        if (known != null) {
            ready.accept(known);
            return Request.NONE;
        }
        Decoding pending = decoding.computeIfAbsent(frameId, this::start);
        pending.waiting.add(ready);
        return () -> {
            if (pending.waiting.remove(ready) && pending.waiting.isEmpty() && decoding.remove(frameId, pending)) {
                pending.cancelled = true;
                loader.cancel(frameId);
            }
        };
    }

    private Decoding start(long frameId) {
        Decoding pending = new Decoding();
        loader.thumbnail(frameId).thenAcceptAsync(thumb -> {
            if (pending.cancelled) {
                return;
            }
            Image image = thumb.jpeg().map(jpeg -> new Image(new ByteArrayInputStream(jpeg), width, 0, true, true))
                    .or(() -> thumb.file().map(file -> new Image(file.toUri().toString(), width, 0, true, true)))
                    .orElse(null);
            if (image != null && !image.isError()) {
                ui.execute(() -> done(frameId, pending, image));
            }
        }, decoders);
        return pending;
    }

    private void done(long frameId, Decoding pending, Image image) {
        if (!decoding.remove(frameId, pending)) {
            return;
        }
        images.put(frameId, image);
        for (Consumer<Image> ready : pending.waiting) {
            ready.accept(image);
        }
    }

    /** How many thumbnails are being read or decoded now: for tests. */
    int inFlight() {
        return decoding.size();
    }

    /** Forgets the decoded images: thumbnails have changed (an ingest ran). */
    void clear() {
        images.clear();
    }

    @Override
    public void close() {
        decoders.shutdownNow();
    }
}
