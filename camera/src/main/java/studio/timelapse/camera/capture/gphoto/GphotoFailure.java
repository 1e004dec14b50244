package studio.timelapse.camera.capture.gphoto;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.process.ProcessOutcome;

/** What a failed {@code gphoto2} run means, from how it ended and libgphoto2's own error words. */
final class GphotoFailure {
    private static final List<String> BUSY = List.of("PTP Device Busy", "Device Busy", "I/O in progress",
            "Could not claim the USB device", "Camera is already capturing");
    private static final List<String> GONE = List.of("No camera found", "Could not detect any camera",
            "Could not find the requested device", "PTP I/O Error", "Camera disconnected", "No such device");
    private static final List<String> MISCONFIGURED = List.of("not found in configuration tree",
            "not found within list of choices", "is read only", "widget is not configurable", "unknown option",
            "bad argument", "Bad parameters");

    private GphotoFailure() {}

    /** Empty when the run succeeded; otherwise the exception to report. */
    static Optional<CaptureException> of(ProcessOutcome run) {
        if (run.killedAtDeadline()) {
            return Optional.of(new CaptureException(Kind.TIMEOUT, "gphoto2 did not finish within "
                    + String.format(Locale.ROOT, "%.1f", run.duration().toMillis() / 1000.0) + " s and was killed "
                    + "(a frozen camera, or one waiting on a low battery)"));
        }
        if (run.succeeded()) {
            return Optional.empty();
        }
        String said = errorText(run);
        if (BUSY.stream().anyMatch(run::says)) {
            return Optional.of(new CaptureException(Kind.BUSY, "the camera is busy: " + said));
        }
        if (GONE.stream().anyMatch(run::says)) {
            return Optional.of(new CaptureException(Kind.DISCONNECTED, "no camera on USB (check the cable, that it "
                    + "is switched on and its battery): " + said));
        }
        if (MISCONFIGURED.stream().anyMatch(run::says)) {
            return Optional.of(new CaptureException(Kind.MISCONFIGURED, "the camera refused a setting (check the "
                    + "mode dial is on M and the setting names with gphoto2 --list-config): " + said));
        }
        return Optional.of(new CaptureException(Kind.FAILED, "gphoto2 exited with " + run.exitCode() + ": " + said));
    }

    /** stderr without gphoto2's "*** Error ***" banners and its advice on sending debug logs. */
    static String errorText(ProcessOutcome run) {
        String stderr = run.stderr();
        int advice = stderr.indexOf("For debugging messages");
        String relevant = advice >= 0 ? stderr.substring(0, advice) : stderr;
        String text = Arrays.stream(relevant.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals("*** Error ***"))
                .collect(Collectors.joining(" | "));
        return text.isEmpty() ? run.stderrTail(3) : text;
    }
}
