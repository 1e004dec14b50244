package studio.timelapse.camera.capture.synthetic;

import java.util.Arrays;

/**
 * A seeded, tileable texture of smooth noise (five octaves baked into one 256x256 table) that clouds are cut from:
 * a pixel samples it twice, at two layers drifting at different speeds, so clouds move and change shape. The land's
 * fields and meadows take their texture from it too.
 */
final class CloudField {
    static final int SIZE = 256;
    private static final int MASK = SIZE - 1;
    private static final int[] OCTAVE_CELLS = {2, 4, 8, 16, 32};
    private static final double FIRST_LAYER = 0.65;
    private static final int QUANTILE_SAMPLES = 4096;

    private final float[] tile = new float[SIZE * SIZE];
    private final float[] sortedDensities = new float[QUANTILE_SAMPLES];

    CloudField(long seed) {
        double amplitude = 1;
        for (int cells : OCTAVE_CELLS) {
            addOctave(SeedHash.of(seed, cells), cells, amplitude);
            amplitude /= 2;
        }
        normalise();
        for (int i = 0; i < QUANTILE_SAMPLES; i++) {
            float u1 = (float) (SIZE * SeedHash.unit(SeedHash.of(seed, i, 11)));
            float v1 = (float) (SIZE * SeedHash.unit(SeedHash.of(seed, i, 12)));
            float u2 = (float) (SIZE * SeedHash.unit(SeedHash.of(seed, i, 13)));
            float v2 = (float) (SIZE * SeedHash.unit(SeedHash.of(seed, i, 14)));
            sortedDensities[i] = density(u1, v1, u2, v2);
        }
        Arrays.sort(sortedDensities);
    }

    /** Cloud density at two texel positions (non-negative), one per layer: 0 clear to 1 thick. */
    float density(float u1, float v1, float u2, float v2) {
        return (float) FIRST_LAYER * sample(u1, v1) + (float) (1 - FIRST_LAYER) * sample(u2, v2);
    }

    /** The density above which a pixel is cloud, so that about {@code cover} (0–1) of the sky is. */
    float threshold(double cover) {
        int index = (int) Math.round((1 - cover) * (QUANTILE_SAMPLES - 1));
        return sortedDensities[Math.max(0, Math.min(QUANTILE_SAMPLES - 1, index))];
    }

    /** The texture at a texel position (non-negative), 0–1, interpolated between texels. */
    float sample(float u, float v) {
        int iu = (int) u;
        int iv = (int) v;
        float fu = u - iu;
        float fv = v - iv;
        int x0 = iu & MASK;
        int x1 = (iu + 1) & MASK;
        int y0 = (iv & MASK) * SIZE;
        int y1 = ((iv + 1) & MASK) * SIZE;
        float top = tile[y0 + x0] + (tile[y0 + x1] - tile[y0 + x0]) * fu;
        float bottom = tile[y1 + x0] + (tile[y1 + x1] - tile[y1 + x0]) * fu;
        return top + (bottom - top) * fv;
    }

    private void addOctave(long seed, int cells, double amplitude) {
        double[] lattice = new double[cells * cells];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = SeedHash.unit(SeedHash.of(seed, i));
        }
        double cellSize = (double) SIZE / cells;
        for (int y = 0; y < SIZE; y++) {
            double gy = y / cellSize;
            int cy = (int) gy;
            double ty = ease(gy - cy);
            int row0 = (cy % cells) * cells;
            int row1 = ((cy + 1) % cells) * cells;
            for (int x = 0; x < SIZE; x++) {
                double gx = x / cellSize;
                int cx = (int) gx;
                double tx = ease(gx - cx);
                int col0 = cx % cells;
                int col1 = (cx + 1) % cells;
                double top = lattice[row0 + col0] + (lattice[row0 + col1] - lattice[row0 + col0]) * tx;
                double bottom = lattice[row1 + col0] + (lattice[row1 + col1] - lattice[row1 + col0]) * tx;
                tile[y * SIZE + x] += (float) (amplitude * (top + (bottom - top) * ty));
            }
        }
    }

    private void normalise() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : tile) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        float range = max - min;
        for (int i = 0; i < tile.length; i++) {
            tile[i] = (tile[i] - min) / range;
        }
    }

    private static double ease(double t) {
        return t * t * (3 - 2 * t);
    }
}
