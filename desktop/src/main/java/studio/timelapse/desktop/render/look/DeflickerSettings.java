package studio.timelapse.desktop.render.look;

import java.util.Map;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * How strongly to deflicker.
 *
 * @param window how many frames the target brightness is averaged over (3–501): the longer, the flatter, but the
 *     slower real changes of light it follows. 15 frames (0.6 s at 25 fps) removes exposure jitter and keeps a sunrise.
 * @param robust whether a rolling median comes first, so that a single odd frame (a flash, a passing car's lights, a
 *     frame the camera over-exposed) does not drag its neighbours' target along
 * @param maxGain the largest correction either way, as a factor (1.1–16): a frame is never brightened or darkened by
 *     more, so a black frame at night is not turned into amplified noise
 */
public record DeflickerSettings(int window, boolean robust, double maxGain) {
    public static final int DEFAULT_WINDOW = 15;
    public static final double DEFAULT_MAX_GAIN = 4;

    public DeflickerSettings {
        if (window < 3 || window > 501) {
            throw invalid("render.deflicker_window", "A deflicker window is 3 to 501 frames, not " + window,
                    "choose a window from 3 to 501 frames (" + DEFAULT_WINDOW + " is a good start)", "deflicker");
        }
        if (!(maxGain >= 1.1 && maxGain <= 16)) {
            throw invalid("render.deflicker_max_gain", "The largest deflicker correction is 1.1 to 16 times, not "
                    + maxGain, "choose a factor from 1.1 to 16", "deflicker_max_gain");
        }
    }

    /** A window of {@value #DEFAULT_WINDOW} frames, robust, corrections up to 4x. */
    public static DeflickerSettings defaults() {
        return new DeflickerSettings(DEFAULT_WINDOW, true, DEFAULT_MAX_GAIN);
    }

    public static DeflickerSettings window(int frames) {
        return new DeflickerSettings(frames, true, DEFAULT_MAX_GAIN);
    }

    private static RefusedException invalid(String code, String reason, String remedy, String field) {
        return new RefusedException(Refusal.of(Refusal.Kind.INVALID, code, reason, remedy)
                .withDetails(Map.of("field", field)));
    }
}
