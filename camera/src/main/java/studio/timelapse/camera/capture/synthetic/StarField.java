package studio.timelapse.camera.capture.synthetic;

/**
 * Stars spread evenly over the sky by the seed, each with a flux (radiance times solid angle in square degrees), so
 * that a star is one bright pixel at any resolution and the night sky's mean brightness does not depend on it.
 */
final class StarField {
    private static final int COUNT = 6000;
    private static final double FAINTEST = 1e-5;

    final double[] azimuth = new double[COUNT];
    final double[] altitude = new double[COUNT];
    final double[] flux = new double[COUNT];

    StarField(long seed) {
        for (int i = 0; i < COUNT; i++) {
            azimuth[i] = 360 * SeedHash.unit(SeedHash.of(seed, i, 1));
            altitude[i] = Math.toDegrees(StrictMath.asin(SeedHash.unit(SeedHash.of(seed, i, 2))));
            flux[i] = FAINTEST * StrictMath.exp(3 * SeedHash.unit(SeedHash.of(seed, i, 3)));
        }
    }

    int size() {
        return COUNT;
    }
}
