package studio.timelapse.shared.astronomy;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The moments of a solar day, in the order they happen: the Sun rising through the lower edge of each {@link DayPhase},
 * culminating at solar noon, and setting through the same edges again.
 */
public enum SunEvent {
    ASTRONOMICAL_DAWN(DayPhase.ASTRONOMICAL_TWILIGHT, Motion.RISING),
    NAUTICAL_DAWN(DayPhase.NAUTICAL_TWILIGHT, Motion.RISING),
    CIVIL_DAWN(DayPhase.CIVIL_TWILIGHT, Motion.RISING),
    SUNRISE(DayPhase.DAY, Motion.RISING),
    /** The Sun crosses the meridian, at its highest: always happens. */
    SOLAR_NOON(null, Motion.CULMINATING),
    SUNSET(DayPhase.DAY, Motion.SETTING),
    CIVIL_DUSK(DayPhase.CIVIL_TWILIGHT, Motion.SETTING),
    NAUTICAL_DUSK(DayPhase.NAUTICAL_TWILIGHT, Motion.SETTING),
    ASTRONOMICAL_DUSK(DayPhase.ASTRONOMICAL_TWILIGHT, Motion.SETTING);

    private enum Motion { RISING, CULMINATING, SETTING }

    private final DayPhase brighterPhase;
    private final Motion motion;

    SunEvent(DayPhase brighterPhase, Motion motion) {
        this.brighterPhase = brighterPhase;
        this.motion = motion;
    }

    public boolean isRising() {
        return motion == Motion.RISING;
    }

    public boolean isSetting() {
        return motion == Motion.SETTING;
    }

    /**
     * The geometric altitude of the Sun's centre the event crosses, degrees (−0.833 for sunrise, −6 for civil dawn…);
     * empty for solar noon, which is a culmination, not a crossing.
     */
    public OptionalDouble altitude() {
        return brighterPhase == null ? OptionalDouble.empty() : OptionalDouble.of(brighterPhase.lowestAltitude());
    }

    /** The phase on the bright side of the crossing: the one a dawn enters and a dusk leaves. */
    Optional<DayPhase> brighterPhase() {
        return Optional.ofNullable(brighterPhase);
    }

    /** The side of its altitude the Sun is on just after the event: above after a dawn, below after a dusk. */
    SunStays sideAfter() {
        if (motion == Motion.CULMINATING) {
            throw new IllegalStateException("solar noon is not a crossing");
        }
        return isRising() ? SunStays.ABOVE : SunStays.BELOW;
    }

    /** "civil dawn", for messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    String altitudeText() {
        if (brighterPhase == null) {
            return "its highest point";
        }
        double degrees = brighterPhase.lowestAltitude();
        return (degrees == Math.rint(degrees) ? String.valueOf((long) degrees) : String.valueOf(degrees)) + "°";
    }
}
