package studio.timelapse.desktop.render.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** The output sizes a render offers: 16:9 from 480p (previews) to 2160p, or the source's own size. */
public enum SizePreset {
    P480("480p", 854, 480),
    P720("720p", 1280, 720),
    P1080("1080p", 1920, 1080),
    P1440("1440p", 2560, 1440),
    P2160("2160p", 3840, 2160),
    /** The first frame's own size (each side rounded down to even). */
    ORIGINAL("original", 0, 0);

    private final String label;
    private final int width;
    private final int height;

    SizePreset(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    public String label() {
        return label;
    }

    /** The output size for frames of {@code sourceWidth} x {@code sourceHeight}. */
    public FrameSize resolve(int sourceWidth, int sourceHeight) {
        if (this == ORIGINAL) {
            return new FrameSize(Math.min(FrameSize.MAX_SIDE, sourceWidth & ~1),
                    Math.min(FrameSize.MAX_SIDE, sourceHeight & ~1));
        }
        return new FrameSize(width, height);
    }

    /**
     * The preset named {@code text} ("1080p", "original", also "4k" for 2160p), case-insensitive.
     *
     * @throws RefusedException INVALID naming the sizes there are
     */
    public static SizePreset parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("4k") || wanted.equals("uhd")) {
            return P2160;
        }
        for (SizePreset preset : values()) {
            if (preset.label.equals(wanted)) {
                return preset;
            }
        }
        String known = Arrays.stream(values()).map(SizePreset::label).collect(Collectors.joining(", "));
        throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.size_unknown",
                "\"" + text + "\" is not an output size", "choose one of " + known).withDetails(Map.of("field", "size")));
    }
}
