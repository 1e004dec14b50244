package studio.timelapse.shared.astronomy;

/**
 * Why a {@link SunEvent} does not happen on a day: the Sun stays on one side of the event's altitude from one lower
 * culmination ("solar midnight") to the next, so it never crosses it. For sunrise and sunset, {@link #ABOVE} is the
 * midnight sun and {@link #BELOW} the polar night; for a twilight, {@code ABOVE} is a white night (it never gets that
 * dark) and {@code BELOW} means it never gets that light.
 */
public enum SunStays {
    ABOVE("above"),
    BELOW("below");

    private final String word;

    SunStays(String word) {
        this.word = word;
    }

    /** "the sun stays below −6° all day", for a message that explains an empty capture window. */
    public String describe(SunEvent event) {
        return "the sun stays " + word + " " + event.altitudeText() + " all day";
    }
}
