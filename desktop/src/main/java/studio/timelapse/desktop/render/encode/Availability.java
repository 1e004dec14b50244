package studio.timelapse.desktop.render.encode;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * Whether an encoder can run on this machine, in words for the user: what it runs on when it can ("libx264 from the
 * bundled FFmpeg 8.1.2 libraries"), and why not and what to do when it cannot ("no FFmpeg libraries for
 * windows-arm64" — "install ffmpeg and put it on PATH").
 *
 * @param available whether {@link EncoderFactory#open} can be expected to work
 * @param detail what it runs on, or why it cannot run
 * @param remedy what would make it available, when it is not and we know
 */
public record Availability(boolean available, String detail, Optional<String> remedy) {

    public Availability {
        Objects.requireNonNull(detail, "detail");
        remedy = remedy == null ? Optional.empty() : remedy;
    }

    public static Availability available(String detail) {
        return new Availability(true, detail, Optional.empty());
    }

    public static Availability unavailable(String reason, String remedy) {
        return new Availability(false, reason, Optional.ofNullable(remedy));
    }

    /** The refusal to show when someone asks for this encoder although it is not available. */
    public Refusal refusal(String encoderName) {
        if (available) {
            throw new IllegalStateException(encoderName + " is available: nothing to refuse");
        }
        return new Refusal(Refusal.Kind.GUARD, "render.encoder_unavailable", encoderName + " is not available: "
                + detail, remedy, Map.of("encoder", encoderName));
    }
}
