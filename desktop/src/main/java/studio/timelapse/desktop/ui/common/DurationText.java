package studio.timelapse.desktop.ui.common;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them on screen: "0.4 s", "12 s", "4 min 05 s", "2 h 07 min", "3 d 4 h". */
public final class DurationText {
    private DurationText() {}

    public static String of(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %d h", seconds / 86_400, seconds % 86_400 / 3600);
    }

    public static String ofSeconds(double seconds) {
        return of(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
