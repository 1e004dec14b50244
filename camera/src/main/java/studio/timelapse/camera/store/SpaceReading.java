package studio.timelapse.camera.store;

import java.util.Locale;

/** Free and total bytes of the volume that holds the frames, as read at one moment. */
public record SpaceReading(long usableBytes, long totalBytes) {

    public SpaceReading {
        if (usableBytes < 0 || totalBytes < 0) {
            throw new IllegalArgumentException("space is never negative: " + usableBytes + " of " + totalBytes);
        }
    }

    /** "1.2 GB free of 29 GB", as a person reads it. */
    public String describe() {
        return human(usableBytes) + " free of " + human(totalBytes);
    }

    /** Decimal units, as disks are sold and as file managers show them. */
    static String human(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        return (value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value))
                + " " + units[unit];
    }
}
