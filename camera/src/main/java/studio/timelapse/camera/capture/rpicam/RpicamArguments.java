package studio.timelapse.camera.capture.rpicam;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * The command line for one frame. With shutter and gain both fixed there is nothing to converge, so the frame is
 * taken at once ({@code --immediate}); otherwise the camera runs for {@code exposureSettle} first so that automatic
 * exposure and gain settle, which after a long gap takes a dozen frames or more.
 */
final class RpicamArguments {
    private RpicamArguments() {}

    static List<String> forFrame(Path tool, FrameSettings settings, Path target, Duration exposureSettle) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.add("--nopreview");
        if (settings.shutterSeconds().isPresent() && settings.gain().isPresent()) {
            command.add("--immediate");
        } else {
            command.addAll(List.of("--timeout", Long.toString(Math.max(1, exposureSettle.toMillis()))));
        }
        if (settings.width() > 0) {
            command.addAll(List.of("--width", Integer.toString(settings.width()),
                    "--height", Integer.toString(settings.height())));
        }
        command.addAll(List.of("--quality", Integer.toString(settings.jpegQuality())));
        settings.shutterSeconds().ifPresent(seconds -> command.addAll(List.of("--shutter", microseconds(seconds))));
        settings.gain().ifPresent(gain -> command.addAll(List.of("--gain", decimal(gain))));
        settings.whiteBalanceKelvin()
                .ifPresent(kelvin -> command.addAll(List.of("--awb", AwbMode.around(kelvin).option())));
        if (settings.hdr()) {
            command.add("--hdr");
        }
        command.addAll(List.of("--metadata", "-", "--output", target.toString()));
        return command;
    }

    /** Whole microseconds, the unit every version of the tool takes without a suffix. */
    private static String microseconds(double seconds) {
        return Long.toString(Math.max(1, Math.round(seconds * 1_000_000)));
    }

    private static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
