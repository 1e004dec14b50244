package studio.timelapse.camera.capture.synthetic;

/**
 * The land in front of the camera, in degrees so that every resolution shows the same scene: a ridge of far hills,
 * nearer hills, a house with a window and a tree, all placed by the seed. Azimuths are degrees from south (the
 * middle of the frame), positive to the west (right); heights are degrees above the horizon.
 */
final class Landscape {
    static final double HOUSE_WIDTH = 10;
    static final double WALL_HEIGHT = 3.5;
    static final double ROOF_HEIGHT = 2.6;
    static final double ROOF_OVERHANG = 0.7;
    static final double WINDOW_WIDTH = 2;
    static final double WINDOW_HEIGHT = 1.5;
    static final double WINDOW_SILL = 1;
    static final double TRUNK_WIDTH = 0.8;
    static final double TRUNK_HEIGHT = 3.5;
    static final double CROWN_RADIUS = 3.2;

    private final long seed;
    final double houseAzimuth;
    final double houseBase;
    final double treeAzimuth;
    final double treeBase;

    Landscape(long seed) {
        this.seed = seed;
        houseAzimuth = 14 + 10 * SeedHash.unit(SeedHash.of(seed, 101));
        treeAzimuth = -12 - 14 * SeedHash.unit(SeedHash.of(seed, 102));
        houseBase = nearHeight(houseAzimuth) - 0.6;
        treeBase = nearHeight(treeAzimuth) - 0.5;
    }

    /** The far ridge, 2–9° high. */
    double farHeight(double azimuth) {
        return 2 + 7 * (0.6 * noise(1, azimuth / 35) + 0.3 * noise(2, azimuth / 11) + 0.1 * noise(3, azimuth / 3.5));
    }

    /** The near hills: lower, rolling, dipping below the horizon in places. */
    double nearHeight(double azimuth) {
        return -1 + 5.5 * (0.7 * noise(4, azimuth / 16) + 0.3 * noise(5, azimuth / 5));
    }

    private double noise(int layer, double x) {
        return SeedHash.smoothNoise(SeedHash.of(seed, layer), x);
    }
}
