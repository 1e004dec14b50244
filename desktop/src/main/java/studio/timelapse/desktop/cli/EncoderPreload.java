package studio.timelapse.desktop.cli;

import java.util.Optional;
import studio.timelapse.desktop.render.encode.Encoders;

/**
 * Loads the encoder a render asks for on a thread of its own while {@code timelapse render} opens the library. The
 * start of a render runs on one core (on a new library, Flyway's migrations take most of a second) and loading the
 * FFmpeg libraries takes a few hundred milliseconds more, which the other core can do meanwhile. Each encoder looks
 * at its availability once, under its own lock, so the render job's choice finds the libraries loaded (or waits for
 * them) and chooses and logs exactly as without this; when there is nothing to choose, that choice says so, which is
 * why a refusal here is dropped.
 */
final class EncoderPreload {
    private EncoderPreload() {}

    static void start(Encoders encoders, Optional<String> requested) {
        Thread preload = new Thread(() -> {
            try {
                encoders.choose(requested);
            } catch (RuntimeException refusedOrBroken) {
                // The render job's own choice meets the same and reports it.
            }
        }, "render-encoder-preload");
        preload.setDaemon(true);
        preload.start();
    }
}
