package studio.timelapse.desktop.render.encode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The encoder a render uses and why, in words for the user and the log: "x264 (the default): libx264 in the bundled
 * FFmpeg 8.1.2 libraries", "jcodec (the default where x264 is not available; x264: no FFmpeg libraries for
 * linux-arm; x264-cli: no ffmpeg on PATH)", "jcodec (asked for)".
 */
public record EncoderChoice(EncoderFactory factory, String reason) {

    public EncoderChoice {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code encoder} and {@code encoder_reason}, for the render's action. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("encoder", factory.name());
        fields.put("encoder_reason", reason);
        return fields;
    }
}
