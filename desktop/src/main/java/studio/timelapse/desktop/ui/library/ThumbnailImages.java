package studio.timelapse.desktop.ui.library;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails for the grid: at most {@value #KEEP} in memory (about 40 MB at 160 px), the most recently shown
 * kept. Decoding runs on its own threads; the answer comes back on the JavaFX thread, where a cell checks that it
 * still shows the same frame before it uses it.
 */
final class ThumbnailImages implements AutoCloseable {
    static final int KEEP = 800;

    private final ThumbnailLoader loader;
    private final double width;
    private final ExecutorService decoders;
    private final Map<Long, Image> images = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > KEEP;
        }
    };

    ThumbnailImages(ThumbnailLoader loader, double width) {
        this.loader = loader;
        this.width = width;
        AtomicInteger threads = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "thumbnail-decoder-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The image now if it is decoded already, else null and {@code ready} later (on the JavaFX thread). */
    Image get(long frameId, Consumer<Image> ready) {
        Image known = images.get(frameId);
        if (known != null) {
            return known;
        }
        loader.thumbnail(frameId).thenAcceptAsync(thumb -> {
            Image image = thumb.jpeg().map(jpeg -> new Image(new ByteArrayInputStream(jpeg), width, 0, true, true))
                    .or(() -> thumb.file().map(file -> new Image(file.toUri().toString(), width, 0, true, true)))
                    .orElse(null);
            if (image != null && !image.isError()) {
                Platform.runLater(() -> {
                    images.put(frameId, image);
                    ready.accept(image);
                });
            }
        }, decoders);
        return null;
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
