package studio.timelapse.camera.capture.gphoto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * The command line for one frame: the exposure settings, then capture and download to the target. gphoto2 runs its
 * actions in command-line order, so the settings are in place before the shutter fires. Automatic exposure sets
 * nothing: the camera's mode dial and its own settings decide.
 */
final class GphotoArguments {
    private GphotoArguments() {}

    /** @throws CaptureException {@link Kind#MISCONFIGURED} for settings a DSLR cannot take from us */
    static List<String> forFrame(Path tool, GphotoConfig config, FrameSettings settings, Path target)
            throws CaptureException {
        refuseWhatADslrDecidesItself(config, settings);
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        config.port().ifPresent(port -> command.addAll(List.of("--port", port)));
        settings.shutterSeconds().ifPresent(seconds ->
                set(command, config.shutterSetting(), ExposureValues.shutter(seconds)));
        settings.gain().ifPresent(gain ->
                set(command, config.isoSetting(), Integer.toString(ExposureValues.iso(gain))));
        settings.whiteBalanceKelvin().ifPresent(kelvin ->
                set(command, config.colourTemperatureSetting().orElseThrow(), Integer.toString(kelvin)));
        config.alwaysSet().forEach(entry -> command.addAll(List.of("--set-config", entry)));
        command.addAll(List.of("--capture-image-and-download", "--filename", filenamePattern(target),
                "--force-overwrite"));
        return command;
    }

    private static void refuseWhatADslrDecidesItself(GphotoConfig config, FrameSettings settings)
            throws CaptureException {
        if (settings.width() != 0) {
            throw new CaptureException(Kind.MISCONFIGURED, "a DSLR writes the size its image-format setting says, "
                    + "not " + settings.width() + "x" + settings.height() + ": ask for full resolution and choose "
                    + "the size on the camera");
        }
        if (settings.hdr()) {
            throw new CaptureException(Kind.MISCONFIGURED, "HDR is not available through gphoto2: turn it off");
        }
        if (settings.whiteBalanceKelvin().isPresent() && config.colourTemperatureSetting().isEmpty()) {
            throw new CaptureException(Kind.MISCONFIGURED, "a fixed white balance needs the camera's "
                    + "colour-temperature setting (colortemperature on Canon EOS) in the gphoto2 configuration, or set "
                    + "white balance on the camera and leave it automatic here");
        }
    }

    private static void set(List<String> command, String entry, String value) {
        command.addAll(List.of("--set-config", entry + "=" + value));
    }

    /** gphoto2 expands {@code %} patterns (dates, numbers) in file names; a literal {@code %} is written {@code %%}. */
    static String filenamePattern(Path target) {
        return target.toString().replace("%", "%%");
    }
}
