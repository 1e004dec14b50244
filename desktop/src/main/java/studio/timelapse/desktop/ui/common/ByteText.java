package studio.timelapse.desktop.ui.common;

import java.util.Locale;

/** Sizes as people read them: "812 KB", "3.4 GB" (powers of 1000, as disks are sold). */
public final class ByteText {
    private ByteText() {}

    public static String of(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
