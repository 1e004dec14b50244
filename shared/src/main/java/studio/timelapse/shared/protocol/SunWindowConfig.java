package studio.timelapse.shared.protocol;

import studio.timelapse.shared.astronomy.SunEvent;

/** A daily window between two sun events with offsets: civil dawn − 30 min to civil dusk + 30 min. */
public record SunWindowConfig(SunEvent from, int fromOffsetMinutes, SunEvent to, int toOffsetMinutes) {
    public SunWindowConfig {
        if (Math.abs(fromOffsetMinutes) > 720 || Math.abs(toOffsetMinutes) > 720) {
            throw new IllegalArgumentException("sun window offsets are at most 12 hours either way");
        }
    }
}
