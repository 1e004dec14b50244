package studio.timelapse.shared.astronomy;

import java.time.Duration;
import java.util.Objects;

/**
 * A moment defined by the Sun: an event shifted by an offset, such as "civil dawn − 30 min" or "sunset + 1 h".
 *
 * @param event the Sun's event the moment follows
 * @param offset how long after the event (negative: before it)
 */
public record SunAnchor(SunEvent event, Duration offset) {

    public SunAnchor {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(offset, "offset");
    }

    /** The event itself, with no offset. */
    public static SunAnchor at(SunEvent event) {
        return new SunAnchor(event, Duration.ZERO);
    }

    public SunAnchor plus(Duration more) {
        return new SunAnchor(event, offset.plus(more));
    }

    public SunAnchor minus(Duration less) {
        return new SunAnchor(event, offset.minus(less));
    }

    @Override
    public String toString() {
        if (offset.isZero()) {
            return event.label();
        }
        return event.label() + (offset.isNegative() ? " − " + readable(offset.negated()) : " + " + readable(offset));
    }

    /** "1 h 30 min", "45 s": how a person writes an offset. */
    private static String readable(Duration duration) {
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append(" h ");
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append(" min ");
        }
        if (duration.toSecondsPart() > 0 || text.length() == 0) {
            text.append(duration.toSecondsPart()).append(" s ");
        }
        return text.toString().trim();
    }
}
