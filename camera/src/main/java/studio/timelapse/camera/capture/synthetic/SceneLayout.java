package studio.timelapse.camera.capture.synthetic;

import java.util.Arrays;

/**
 * The scene's geometry at one frame size, worked out once and reused for every frame of that size: where the
 * horizon is, how many pixels a degree spans, the skyline of each column, the house and the tree in pixels, and
 * which stars fall in which row. The camera looks south; the horizon lies at 70% of the height.
 */
final class SceneLayout {
    static final byte SKY = 0;
    /** The skyline pixel of a column: part sky, part terrain ({@link #edgeCoverage}, {@link #edgeTerrain}). */
    static final byte EDGE = 1;
    static final byte FAR_HILL = 2;
    static final byte NEAR_HILL = 3;
    static final byte WALL = 4;
    static final byte ROOF = 5;
    static final byte WINDOW = 6;
    static final byte TRUNK = 7;
    static final byte CROWN = 8;
    static final int MATERIALS = 9;

    private static final double HORIZON = 0.7;
    private static final double WIDEST_VIEW = 360;
    private static final double NARROWEST_VIEW = 150;
    private static final double SKY_ABOVE_HORIZON = 60;

    final int width;
    final int height;
    final double horizonY;
    final double pixelsPerDegree;
    /** Degrees from south of each column's centre, positive to the west (right). */
    final float[] columnAzimuth;
    final float[] edgeCoverage;
    final byte[] edgeTerrain;
    /** Rows below this hold no sky (nor skyline pixels). */
    final int skyRows;
    /** Rows above this hold only sky. */
    final int landFrom;

    private final int[] skylineRow;
    private final float[] nearTop;
    private final Box wall;
    private final Box window;
    private final Box trunk;
    private final double roofApexX;
    private final double roofApexY;
    private final double roofHalfWidth;
    private final double roofEaveY;
    private final double crownX;
    private final double crownY;
    private final double crownRadius;
    private final int roofTop;
    private final int roofBottom;
    private final int crownTop;
    private final int crownBottom;

    /** Stars in this frame's rows, sorted by row: {@code starStart[y]} to {@code starStart[y + 1]}. */
    final int[] starStart;
    final double[] starAzimuth;
    /** A star's radiance when it covers one pixel here. */
    final float[] starRadiance;

    SceneLayout(int width, int height, Landscape land, StarField stars) {
        this.width = width;
        this.height = height;
        horizonY = HORIZON * height;
        pixelsPerDegree = Math.max(width / WIDEST_VIEW, Math.min(width / NARROWEST_VIEW, horizonY / SKY_ABOVE_HORIZON));
        columnAzimuth = new float[width];
        edgeCoverage = new float[width];
        edgeTerrain = new byte[width];
        skylineRow = new int[width];
        nearTop = new float[width];
        int lowestSkyline = -1;
        for (int x = 0; x < width; x++) {
            double azimuth = (x + 0.5 - width / 2.0) / pixelsPerDegree;
            columnAzimuth[x] = (float) azimuth;
            double far = y(land.farHeight(azimuth));
            double near = y(land.nearHeight(azimuth));
            double top = Math.min(far, near);
            int row = (int) Math.floor(top);
            skylineRow[x] = Math.max(-1, Math.min(height, row));
            edgeCoverage[x] = (float) (row + 1 - top);
            edgeTerrain[x] = near <= far ? NEAR_HILL : FAR_HILL;
            nearTop[x] = (float) near;
            lowestSkyline = Math.max(lowestSkyline, skylineRow[x]);
        }
        skyRows = Math.min(height, lowestSkyline + 1);

        double houseLeft = x(land.houseAzimuth - Landscape.HOUSE_WIDTH / 2);
        double houseRight = x(land.houseAzimuth + Landscape.HOUSE_WIDTH / 2);
        double eave = y(land.houseBase + Landscape.WALL_HEIGHT);
        wall = new Box(houseLeft, eave, houseRight, y(land.houseBase));
        double windowBottom = land.houseBase + Landscape.WINDOW_SILL;
        window = new Box(x(land.houseAzimuth - Landscape.WINDOW_WIDTH / 2), y(windowBottom + Landscape.WINDOW_HEIGHT),
                x(land.houseAzimuth + Landscape.WINDOW_WIDTH / 2), y(windowBottom));
        roofApexX = x(land.houseAzimuth);
        roofApexY = y(land.houseBase + Landscape.WALL_HEIGHT + Landscape.ROOF_HEIGHT);
        roofHalfWidth = (Landscape.HOUSE_WIDTH / 2 + Landscape.ROOF_OVERHANG) * pixelsPerDegree;
        roofEaveY = eave;
        roofTop = (int) Math.floor(roofApexY);
        roofBottom = (int) Math.ceil(roofEaveY);
        trunk = new Box(x(land.treeAzimuth - Landscape.TRUNK_WIDTH / 2), y(land.treeBase + Landscape.TRUNK_HEIGHT + 1),
                x(land.treeAzimuth + Landscape.TRUNK_WIDTH / 2), y(land.treeBase));
        crownX = x(land.treeAzimuth);
        crownY = y(land.treeBase + Landscape.TRUNK_HEIGHT + Landscape.CROWN_RADIUS * 0.6);
        crownRadius = Landscape.CROWN_RADIUS * pixelsPerDegree;
        crownTop = (int) Math.floor(crownY - crownRadius);
        crownBottom = (int) Math.ceil(crownY + crownRadius);
        int highestSkyline = height;
        for (int row : skylineRow) {
            highestSkyline = Math.min(highestSkyline, row);
        }
        landFrom = Math.max(0, Math.min(highestSkyline, Math.min(roofTop, crownTop)));

        int[] rowOf = new int[stars.size()];
        int[] perRow = new int[height + 1];
        for (int i = 0; i < stars.size(); i++) {
            double row = y(stars.altitude[i]);
            rowOf[i] = row >= 0 && row < height ? (int) row : -1;
            if (rowOf[i] >= 0) {
                perRow[rowOf[i] + 1]++;
            }
        }
        for (int y = 0; y < height; y++) {
            perRow[y + 1] += perRow[y];
        }
        starStart = Arrays.copyOf(perRow, height + 1);
        int[] next = Arrays.copyOf(perRow, height);
        starAzimuth = new double[starStart[height]];
        starRadiance = new float[starStart[height]];
        double pixelArea = 1 / (pixelsPerDegree * pixelsPerDegree);
        for (int i = 0; i < stars.size(); i++) {
            if (rowOf[i] >= 0) {
                int slot = next[rowOf[i]]++;
                starAzimuth[slot] = stars.azimuth[i];
                starRadiance[slot] = (float) (stars.flux[i] / pixelArea);
            }
        }
    }

    /** Degrees above the horizon of row {@code y}'s centre. */
    double elevation(int y) {
        return (horizonY - (y + 0.5)) / pixelsPerDegree;
    }

    /** The column (fractional) at {@code azimuth} degrees from south. */
    double x(double azimuth) {
        return width / 2.0 + azimuth * pixelsPerDegree;
    }

    /** The row (fractional) at {@code altitude} degrees above the horizon. */
    double y(double altitude) {
        return horizonY - altitude * pixelsPerDegree;
    }

    /** Fills {@code row} with the material of each pixel of row {@code y}. */
    void materials(int y, byte[] row) {
        if (y < landFrom) {
            Arrays.fill(row, 0, width, SKY);
            return;
        }
        float centre = y + 0.5f;
        for (int x = 0; x < width; x++) {
            int skyline = skylineRow[x];
            row[x] = y < skyline ? SKY : y == skyline ? EDGE : centre < nearTop[x] ? FAR_HILL : NEAR_HILL;
        }
        wall.paint(y, row, WALL);
        if (y >= roofTop && y < roofBottom) {
            double depth = (centre - roofApexY) / (roofEaveY - roofApexY);
            if (depth >= 0 && depth <= 1) {
                fill(row, roofApexX - roofHalfWidth * depth, roofApexX + roofHalfWidth * depth, ROOF);
            }
        }
        window.paint(y, row, WINDOW);
        trunk.paint(y, row, TRUNK);
        if (y >= crownTop && y < crownBottom) {
            double dy = centre - crownY;
            double halfChord = crownRadius * crownRadius - dy * dy;
            if (halfChord > 0) {
                double half = Math.sqrt(halfChord);
                fill(row, crownX - half, crownX + half, CROWN);
            }
        }
    }

    /** Paints the pixels whose centres lie in [left, right). */
    private void fill(byte[] row, double left, double right, byte material) {
        int from = Math.max(0, (int) Math.ceil(left - 0.5));
        int to = Math.min(width, (int) Math.ceil(right - 0.5));
        for (int x = from; x < to; x++) {
            row[x] = material;
        }
    }

    /** A rectangle in pixels; it paints the pixels whose centres it contains. */
    private final class Box {
        private final double left;
        private final double top;
        private final double right;
        private final double bottom;

        Box(double left, double top, double right, double bottom) {
            this.left = left;
            this.top = top;
            this.right = right;
            this.bottom = bottom;
        }

        void paint(int y, byte[] row, byte material) {
            double centre = y + 0.5;
            if (centre >= top && centre < bottom) {
                fill(row, left, right, material);
            }
        }
    }
}
