package studio.timelapse.shared.astronomy;

import java.util.Locale;

/**
 * Where a camera stands on the Earth (WGS 84 degrees, as a phone or a map shows them).
 *
 * <p>The elevation is kept with the position but does not move sunrise or sunset: published tables are for a level
 * sea-level horizon, and the hills around a camera change its real horizon far more than its height does.
 *
 * @param latitude degrees north of the equator, −90 to 90 (south is negative)
 * @param longitude degrees east of Greenwich, −180 to 180 (west is negative)
 * @param elevationMetres height above sea level, −500 to 9,000 metres; 0 when unknown
 */
public record GeoPosition(double latitude, double longitude, double elevationMetres) {

    public GeoPosition {
        requireWithin("latitude", latitude, -90, 90, "degrees");
        requireWithin("longitude", longitude, -180, 180, "degrees");
        requireWithin("elevation", elevationMetres, -500, 9_000, "metres");
    }

    /** A position at sea level. */
    public static GeoPosition of(double latitude, double longitude) {
        return new GeoPosition(latitude, longitude, 0);
    }

    public GeoPosition withElevation(double metres) {
        return new GeoPosition(latitude, longitude, metres);
    }

    private static void requireWithin(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) { // also refuses NaN
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be between %s and %s %s, was %s", name, plain(min), plain(max), unit, value));
        }
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f°%s %.4f°%s%s",
                Math.abs(latitude), latitude < 0 ? "S" : "N",
                Math.abs(longitude), longitude < 0 ? "W" : "E",
                elevationMetres == 0 ? "" : String.format(Locale.ROOT, " %.0f m", elevationMetres));
    }
}
