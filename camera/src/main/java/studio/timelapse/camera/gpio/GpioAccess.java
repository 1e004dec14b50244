package studio.timelapse.camera.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * Whether this machine is a Raspberry Pi whose GPIO we may drive: the device tree names the board, and the GPIO
 * character device is there and open to us. Checked before Pi4J is started, so that a laptop never loads the GPIO
 * driver and a Pi without permission says so in words a person can act on.
 *
 * @param deviceTreeModel the board's name, {@code /proc/device-tree/model} on Linux
 * @param gpioChip the GPIO character device of the 40-pin header, {@code /dev/gpiochip0}
 */
public record GpioAccess(Path deviceTreeModel, Path gpioChip) {

    /** The device tree and GPIO chip of the machine we run on. */
    public static GpioAccess ofThisMachine() {
        return new GpioAccess(Path.of("/proc/device-tree/model"), Path.of("/dev/gpiochip0"));
    }

    /** The board's name as the device tree gives it ("Raspberry Pi 4 Model B Rev 1.5"), if it gives one. */
    public Optional<String> model() {
        try {
            // The device tree ends its strings with NUL.
            String model = Files.readString(deviceTreeModel, StandardCharsets.UTF_8).replace("\0", "").trim();
            return model.isEmpty() ? Optional.empty() : Optional.of(model);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why the GPIO cannot be used here, or empty when it can be tried. */
    public Optional<Refusal> refusal() {
        Optional<String> model = model();
        if (model.isEmpty()) {
            return Optional.of(Refusal.of(Refusal.Kind.GUARD, "gpio.not_a_pi",
                    "Not a Raspberry Pi: " + deviceTreeModel + " names no board",
                    "none needed: the agent runs without its status LED and button")
                    .withDetails(Map.of("model_file", deviceTreeModel.toString())));
        }
        if (!model.get().contains("Raspberry Pi")) {
            return Optional.of(Refusal.of(Refusal.Kind.GUARD, "gpio.not_a_pi",
                    "Not a Raspberry Pi: the board is a " + model.get(),
                    "none needed: the agent runs without its status LED and button")
                    .withDetails(Map.of("model", model.get())));
        }
        if (!Files.exists(gpioChip)) {
            return Optional.of(Refusal.of(Refusal.Kind.GUARD, "gpio.no_device",
                    "This " + model.get() + " has no " + gpioChip,
                    "use a current Raspberry Pi OS, whose kernel provides the GPIO character device")
                    .withDetails(Map.of("model", model.get(), "device", gpioChip.toString())));
        }
        if (!Files.isReadable(gpioChip) || !Files.isWritable(gpioChip)) {
            return Optional.of(Refusal.of(Refusal.Kind.GUARD, "gpio.no_permission",
                    "No permission to use " + gpioChip,
                    "add the agent's user to the gpio group (sudo usermod -aG gpio USER) and restart the agent")
                    .withDetails(Map.of("model", model.get(), "device", gpioChip.toString())));
        }
        return Optional.empty();
    }
}
