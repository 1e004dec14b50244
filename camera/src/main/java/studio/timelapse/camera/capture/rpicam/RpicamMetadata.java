package studio.timelapse.camera.capture.rpicam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code --metadata -} prints for a still: one libcamera control per line, {@code "Name": value}. The
 * tool prints values as libcamera formats them, which is not always valid JSON (sizes such as {@code 4056x3040}
 * are unquoted), so each line is read on its own and only the controls we report are kept.
 */
final class RpicamMetadata {
    private static final Pattern LINE = Pattern.compile("^\\s*\"([A-Za-z0-9_]+)\"\\s*:\\s*(.*?)\\s*,?\\s*$",
            Pattern.MULTILINE);

    private RpicamMetadata() {}

    /**
     * {@code shutter_s}, {@code gain}, {@code digital_gain}, {@code lux}, {@code colour_temperature} and
     * {@code colour_gains}, for those the tool printed.
     */
    static Map<String, Object> exposure(String stdout) {
        Map<String, String> controls = new LinkedHashMap<>();
        Matcher line = LINE.matcher(stdout);
        while (line.find()) {
            controls.put(line.group(1), line.group(2));
        }
        Map<String, Object> exposure = new LinkedHashMap<>();
        number(controls.get("ExposureTime")).ifPresent(us -> exposure.put("shutter_s", us / 1_000_000));
        number(controls.get("AnalogueGain")).ifPresent(gain -> exposure.put("gain", gain));
        number(controls.get("DigitalGain")).ifPresent(gain -> exposure.put("digital_gain", gain));
        number(controls.get("Lux")).ifPresent(lux -> exposure.put("lux", lux));
        number(controls.get("ColourTemperature"))
                .ifPresent(kelvin -> exposure.put("colour_temperature", (int) Math.round(kelvin)));
        List<Double> gains = numbers(controls.get("ColourGains"));
        if (gains.size() == 2) {
            exposure.put("colour_gains", gains);
        }
        return exposure;
    }

    private static Optional<Double> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Double> numbers(String text) {
        if (text == null || !text.startsWith("[") || !text.endsWith("]")) {
            return List.of();
        }
        List<Optional<Double>> parsed = Arrays.stream(text.substring(1, text.length() - 1).split(","))
                .map(RpicamMetadata::number).toList();
        return parsed.stream().allMatch(Optional::isPresent)
                ? parsed.stream().map(Optional::get).toList() : List.of();
    }
}
