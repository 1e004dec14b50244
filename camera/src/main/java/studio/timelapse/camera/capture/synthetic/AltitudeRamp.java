package studio.timelapse.camera.capture.synthetic;

import java.util.Arrays;

/** Values that change with the sun's altitude, given at a few altitudes and interpolated linearly in between. */
final class AltitudeRamp {
    private final double[] altitudes;
    private final double[][] values;

    /** Each row is an altitude in degrees followed by its values; rows go from low to high altitude. */
    private AltitudeRamp(double[][] rows) {
        altitudes = new double[rows.length];
        values = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (i > 0 && rows[i][0] <= rows[i - 1][0]) {
                throw new IllegalArgumentException("ramp altitudes must rise, at row " + i);
            }
            altitudes[i] = rows[i][0];
            values[i] = Arrays.copyOfRange(rows[i], 1, rows[i].length);
        }
    }

    static AltitudeRamp of(double[]... rows) {
        return new AltitudeRamp(rows);
    }

    double value(double altitude) {
        return value(altitude, 0);
    }

    Rgb rgb(double altitude) {
        return new Rgb(value(altitude, 0), value(altitude, 1), value(altitude, 2));
    }

    /** The {@code index}th value of the rows, at {@code altitude}. */
    double value(double altitude, int index) {
        if (altitude <= altitudes[0]) {
            return values[0][index];
        }
        for (int i = 1; i < altitudes.length; i++) {
            if (altitude <= altitudes[i]) {
                double t = (altitude - altitudes[i - 1]) / (altitudes[i] - altitudes[i - 1]);
                return values[i - 1][index] + (values[i][index] - values[i - 1][index]) * t;
            }
        }
        return values[altitudes.length - 1][index];
    }
}
