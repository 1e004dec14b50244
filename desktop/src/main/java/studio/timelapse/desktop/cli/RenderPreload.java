package studio.timelapse.desktop.cli;

import java.util.Optional;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Renders;
import studio.timelapse.desktop.render.encode.Encoders;

/**
 * Loads what a render will need later on a thread of its own, once the library is open, while the job is submitted
 * and starts on the main thread (docs/benchmarks.md, "Start-up of a render"). Nothing here changes what the render
 * does or logs: it only has the classes and libraries loaded when the render gets to them. A failure here is dropped,
 * because the render meets the same and reports it.
 */
final class RenderPreload {
    private RenderPreload() {}

    /**
     * The encoder the render asks for: the FFmpeg libraries take 0.1-0.3 s to load, which the job's start and its
     * listing of the frames can hide. (Started before the library opens, it slowed the opening about as much as it
     * saved: both load classes and native libraries at once.) Each encoder looks at its availability once, under its
     * own lock, so the render job's choice finds the libraries loaded (or waits for them) and chooses and logs exactly
     * as without this.
     */
    static void encoder(Encoders encoders, Optional<String> requested) {
        inBackground("render-preload-encoder", () -> encoders.choose(requested));
    }

    /**
     * The library's queries (jOOQ, a few hundred classes), which a render of a folder first needs when it records the
     * finished video, after its last frame, when nothing else is left to run: one read of the newest render loads them.
     */
    static void queries(Library library) {
        inBackground("render-preload-queries", () -> Renders.of(library).newest(1));
    }

    private static void inBackground(String name, Runnable preload) {
        Thread thread = new Thread(() -> {
            try {
                preload.run();
            } catch (RuntimeException refusedOrBroken) {
                // The render meets the same and reports it.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
