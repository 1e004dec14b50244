package studio.timelapse.desktop.ui.library;

import java.util.ArrayList;
import java.util.List;
import studio.timelapse.desktop.library.Daylight;

/**
 * Says which of the library's daylight rules the timeline's bands follow: the Sun where the camera's location is
 * known, else each frame's own exposure or brightness as ingest measured it ({@link Daylight}).
 */
final class DaylightRule {
    private DaylightRule() {}

    /** The rules behind {@code countByBasis} (frames per {@link Daylight.Basis}), in words; empty without frames. */
    static String describe(int[] countByBasis) {
        List<String> rules = new ArrayList<>();
        for (Daylight.Basis basis : Daylight.Basis.values()) {
            if (countByBasis[basis.ordinal()] > 0) {
                rules.add(switch (basis) {
                    case SUN -> "by the Sun at the camera's location";
                    case SCENE_EXPOSURE -> "by each frame's exposure and brightness (no location)";
                    case PICTURE_BRIGHTNESS -> "by each frame's brightness (no location, no exposure data)";
                    case NOT_YET_MEASURED -> "not judged yet for frames ingest has not measured";
                });
            }
        }
        return rules.isEmpty() ? "" : "Day and night " + String.join("; ", rules);
    }
}
