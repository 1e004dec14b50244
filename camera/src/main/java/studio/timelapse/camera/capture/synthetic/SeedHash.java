package studio.timelapse.camera.capture.synthetic;

import java.time.Instant;

/**
 * Stateless pseudo-random numbers from a seed and coordinates (SplitMix64's finaliser), so that every random-looking
 * detail of a frame is a pure function of the camera's seed, the scene time and the pixel: the same inputs give the
 * same image bits.
 */
final class SeedHash {
    private SeedHash() {}

    static long of(long seed, long a) {
        return mix(mix(seed ^ 0x9E3779B97F4A7C15L) + a * 0xC2B2AE3D27D4EB4FL);
    }

    static long of(long seed, long a, long b) {
        return of(of(seed, a), b);
    }

    static long of(long seed, Instant instant) {
        return of(seed, instant.getEpochSecond(), instant.getNano());
    }

    /** A number in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A number in [-1, 1). */
    static double signed(long hash) {
        return unit(hash) * 2 - 1;
    }

    /** Smooth 1-D value noise in [0, 1): seeded values at whole {@code x}, eased in between. */
    static double smoothNoise(long seed, double x) {
        double floor = Math.floor(x);
        long cell = (long) floor;
        double t = x - floor;
        double eased = t * t * (3 - 2 * t);
        double a = unit(of(seed, cell));
        double b = unit(of(seed, cell + 1));
        return a + (b - a) * eased;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
