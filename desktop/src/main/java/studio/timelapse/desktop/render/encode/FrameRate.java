package studio.timelapse.desktop.render.encode;

import java.time.Duration;

/**
 * Frames per second as an exact fraction, so that 30000/1001 (29.97) stays exact in timestamps and durations.
 *
 * @param frames frames in {@code seconds}
 * @param seconds the period, 1 for whole rates
 */
public record FrameRate(int frames, int seconds) {

    public FrameRate {
        if (frames <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("A frame rate needs a positive fraction, not " + frames + "/" + seconds);
        }
        if (frames / seconds > 240) {
            throw new IllegalArgumentException("A frame rate above 240 frames/s is not a video rate: " + this);
        }
    }

    public static FrameRate of(int framesPerSecond) {
        return new FrameRate(framesPerSecond, 1);
    }

    public double perSecond() {
        return (double) frames / seconds;
    }

    /** How long {@code count} frames play, to the nanosecond (rounded down). */
    public Duration duration(long count) {
        long nanos = Math.multiplyExact(count, 1_000_000_000L * seconds) / frames;
        return Duration.ofNanos(nanos);
    }

    @Override
    public String toString() {
        return seconds == 1 ? Integer.toString(frames) : frames + "/" + seconds;
    }
}
