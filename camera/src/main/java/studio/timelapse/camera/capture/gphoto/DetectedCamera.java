package studio.timelapse.camera.capture.gphoto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code gphoto2 --auto-detect}: the model and its port. For a USB port ({@code usb:001,005}) the bus
 * and device numbers are what a USB reset of {@code /dev/bus/usb/001/005} needs.
 */
record DetectedCamera(String model, String port, Optional<String> usbBus, Optional<String> usbDevice) {
    private static final Pattern LINE = Pattern.compile("^(.*\\S)\\s+((?:usb|ptpip|serial|disk):\\S*)\\s*$");
    private static final Pattern USB = Pattern.compile("^usb:(\\d+),(\\d+)$");

    /** The cameras in {@code --auto-detect}'s table (the lines below the dashes). */
    static List<DetectedCamera> parse(String autoDetectOutput) {
        List<DetectedCamera> cameras = new ArrayList<>();
        boolean pastHeader = false;
        for (String line : autoDetectOutput.split("\\R")) {
            if (line.startsWith("---")) {
                pastHeader = true;
                continue;
            }
            Matcher camera = LINE.matcher(line);
            if (pastHeader && camera.matches()) {
                String port = camera.group(2);
                Matcher usb = USB.matcher(port);
                boolean onUsb = usb.matches();
                cameras.add(new DetectedCamera(camera.group(1).strip(), port,
                        onUsb ? Optional.of(usb.group(1)) : Optional.empty(),
                        onUsb ? Optional.of(usb.group(2)) : Optional.empty()));
            }
        }
        return cameras;
    }
}
