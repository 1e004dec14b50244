package studio.timelapse.desktop.render.encode.x264;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.timelapse.desktop.render.encode.ColourTags;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** Our settings in x264's terms, the same for the libraries and the ffmpeg program. */
final class X264Options {
    static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
            "slow", "slower", "veryslow", "placebo");

    private X264Options() {}

    /**
     * Quality 0–100 as x264's constant rate factor: 41 at 0, 20 at the default 70 (visually transparent for most
     * footage), 11 at 100. Linear in CRF, which is itself close to linear in perceived quality and logarithmic in size.
     */
    static String crf(int quality) {
        double crf = 41 - 0.3 * quality;
        return String.format(Locale.ROOT, "%.1f", crf);
    }

    static String preset(EncoderSettings settings) {
        String preset = settings.preset().toLowerCase(Locale.ROOT);
        if (!PRESETS.contains(preset)) {
            throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.preset_unknown",
                    "x264 has no preset called \"" + settings.preset() + "\"", "choose one of " + PRESETS)
                    .withDetails(Map.of("field", "preset")));
        }
        return preset;
    }

    /** FFmpeg's names for the colour tags: {@code bt709}, {@code smpte170m}; {@code tv}/{@code pc} for the range. */
    static String matrixName(ColourTags tags) {
        return tags.matrix() == ColourTags.BT709 ? "bt709" : "smpte170m";
    }

    static String rangeName(ColourTags tags) {
        return tags.fullRange() ? "pc" : "tv";
    }
}
