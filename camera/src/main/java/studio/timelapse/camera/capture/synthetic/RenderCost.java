package studio.timelapse.camera.capture.synthetic;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What a frame costs this synthetic camera to render and encode, on this machine: nanoseconds per pixel, smoothed
 * over the frames it takes, so the shortest interval it can keep up with follows the frame size and the machine's
 * speed (a Raspberry Pi renders several times slower than a laptop). Until a frame has been taken, the cost comes from
 * a calibration: a few small frames rendered for the purpose, the fastest counted (the first ones run before the JIT
 * has compiled the renderer).
 */
final class RenderCost {
    /** Below this no interval is offered, however small the frame: the scheduler and the store need time too. */
    static final Duration FLOOR = Duration.ofMillis(50);
    /** Headroom over the measured cost, for the frames that run slow (a busy machine, a full garbage collection). */
    static final double MARGIN = 1.5;
    private static final double SMOOTHING = 0.25;

    private final LongSupplier nanoTime;
    private double nanosPerPixel = Double.NaN;

    RenderCost(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    long now() {
        return nanoTime.getAsLong();
    }

    /** A frame of {@code width} x {@code height} took from {@code startNanos} until now to render and encode. */
    synchronized void taken(long startNanos, int width, int height) {
        double sample = (double) (nanoTime.getAsLong() - startNanos) / ((long) width * height);
        nanosPerPixel = Double.isNaN(nanosPerPixel) ? sample : nanosPerPixel + SMOOTHING * (sample - nanosPerPixel);
    }

    synchronized boolean known() {
        return !Double.isNaN(nanosPerPixel);
    }

    /** The cost per pixel from a calibration, used only while no frame has been taken. */
    synchronized void calibrated(double calibratedNanosPerPixel) {
        if (Double.isNaN(nanosPerPixel)) {
            nanosPerPixel = calibratedNanosPerPixel;
        }
    }

    /** The shortest start-to-start interval for frames of this size: their cost with the margin, rounded up to 10 ms. */
    synchronized Duration minInterval(int width, int height) {
        if (Double.isNaN(nanosPerPixel)) {
            throw new IllegalStateException("no render cost measured yet");
        }
        double millis = nanosPerPixel * width * height * MARGIN / 1e6;
        long rounded = (long) Math.ceil(millis / 10) * 10;
        return Duration.ofMillis(Math.max(FLOOR.toMillis(), rounded));
    }
}
