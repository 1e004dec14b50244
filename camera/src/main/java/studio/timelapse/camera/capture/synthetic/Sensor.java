package studio.timelapse.camera.capture.synthetic;

import java.util.Random;

/**
 * Turns the scene's radiance into pixels as a small sensor would: exposure and white balance scale the light, noise
 * is added (read noise that grows with gain, shot noise that grows with the signal, so night frames at high gain are
 * grainy), and a tone curve maps the result to 8-bit sRGB. Noise comes from a seeded table of Gaussian numbers,
 * read from a different place in each row of each frame, so it costs a lookup and stays reproducible.
 */
final class Sensor {
    private static final int NOISE_BITS = 16;
    private static final int NOISE_MASK = (1 << NOISE_BITS) - 1;
    private static final int SIGMA_STEPS = 1024;
    /** Read noise at gain 1, in full-scale units. */
    private static final double READ_NOISE = 0.0015;
    /** Shot noise variance per unit of signal at gain 1. */
    private static final double SHOT_NOISE = 0.0004;

    private final float[] gaussian = new float[1 << NOISE_BITS];
    private final double noiseScale;
    private final ToneCurve standard = ToneCurve.standard();
    private ToneCurve hdr;

    /** @param noiseScale 1 for the sensor's natural noise, 0 for none */
    Sensor(long seed, double noiseScale) {
        this.noiseScale = noiseScale;
        Random random = new Random(seed);
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] = (float) random.nextGaussian();
        }
    }

    /**
     * Renders {@code frame} into {@code canvas}, its bands of rows at once, and returns the frame's mean luma, 0–255.
     *
     * @param whiteBalance per-channel gains
     * @param noiseSeed where in the noise table this frame reads
     */
    double expose(SceneFrame frame, Exposure exposure, Rgb whiteBalance, boolean highDynamicRange, long noiseSeed,
            FrameCanvas canvas, RowBands bands) throws InterruptedException {
        ToneCurve curve = highDynamicRange ? hdr() : standard;
        Development development = new Development(frame, exposure, whiteBalance, curve, noiseSeed,
                sigmas(exposure.gain(), curve.range), canvas.pixels);
        long lumaSum = bands.sum(frame.height(), frame.width(),
                (band, from, to) -> development.rows(from, to, canvas.rows[band]));
        return lumaSum / (256.0 * frame.width() * frame.height());
    }

    /** One frame's development: its scales and tables, applied to rows on whichever thread renders them. */
    private final class Development {
        private final SceneFrame frame;
        private final float redScale;
        private final float greenScale;
        private final float blueScale;
        private final float[] sigma;
        private final float sigmaScale;
        private final byte[] levels;
        private final float levelScale;
        private final long noiseSeed;
        private final byte[] pixels;

        Development(SceneFrame frame, Exposure exposure, Rgb whiteBalance, ToneCurve curve, long noiseSeed,
                float[] sigma, byte[] pixels) {
            this.frame = frame;
            double signal = exposure.signalPerRadiance();
            this.redScale = (float) (signal * whiteBalance.r());
            this.greenScale = (float) (signal * whiteBalance.g());
            this.blueScale = (float) (signal * whiteBalance.b());
            this.sigma = sigma;
            this.sigmaScale = (float) ((SIGMA_STEPS - 1) / curve.range);
            this.levels = curve.levels;
            this.levelScale = curve.scale;
            this.noiseSeed = noiseSeed;
            this.pixels = pixels;
        }

        /** Renders and develops rows {@code from} to {@code to}; returns the sum of their luma times 256. */
        long rows(int from, int to, RowBuffer row) {
            int width = frame.width();
            int lastLevel = levels.length - 1;
            float[] noise = gaussian;
            float[] red = row.red;
            float[] green = row.green;
            float[] blue = row.blue;
            long lumaSum = 0;
            for (int y = from; y < to; y++) {
                frame.renderRow(y, row);
                int offset = (int) SeedHash.of(noiseSeed, y);
                int base = 3 * y * width;
                for (int x = 0; x < width; x++) {
                    float r = red[x] * redScale;
                    float g = green[x] * greenScale;
                    float b = blue[x] * blueScale;
                    float s = sigma[Math.min(SIGMA_STEPS - 1, (int) (g * sigmaScale))];
                    int n = offset + 3 * x;
                    r += noise[n & NOISE_MASK] * s;
                    g += noise[(n + 1) & NOISE_MASK] * s;
                    b += noise[(n + 2) & NOISE_MASK] * s;
                    byte ir = levels[Math.max(0, Math.min(lastLevel, (int) (r * levelScale)))];
                    byte ig = levels[Math.max(0, Math.min(lastLevel, (int) (g * levelScale)))];
                    byte ib = levels[Math.max(0, Math.min(lastLevel, (int) (b * levelScale)))];
                    int at = base + 3 * x;
                    pixels[at] = ib;
                    pixels[at + 1] = ig;
                    pixels[at + 2] = ir;
                    lumaSum += 77 * (ir & 0xFF) + 150 * (ig & 0xFF) + 29 * (ib & 0xFF);
                }
            }
            return lumaSum;
        }
    }

    /** Noise standard deviation by signal level, for this gain. */
    private float[] sigmas(double gain, double range) {
        float[] sigma = new float[SIGMA_STEPS];
        double read = READ_NOISE * gain;
        for (int i = 0; i < SIGMA_STEPS; i++) {
            double level = i * range / (SIGMA_STEPS - 1);
            sigma[i] = (float) (noiseScale * Math.sqrt(read * read + SHOT_NOISE * gain * level));
        }
        return sigma;
    }

    private ToneCurve hdr() {
        if (hdr == null) {
            hdr = ToneCurve.hdr();
        }
        return hdr;
    }
}
