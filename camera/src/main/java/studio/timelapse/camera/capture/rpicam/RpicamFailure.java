package studio.timelapse.camera.capture.rpicam;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.process.ProcessOutcome;

/** What a failed {@code rpicam-still} run means, from how it ended and what it printed (rpicam-apps' own words). */
final class RpicamFailure {
    private static final int TAIL_LINES = 4;

    private RpicamFailure() {}

    /** Empty when the run succeeded; otherwise the exception to report. */
    static Optional<CaptureException> of(ProcessOutcome run) {
        String tool = run.command().isEmpty() ? "rpicam-still" : Path.of(run.command().get(0)).getFileName().toString();
        if (run.killedAtDeadline()) {
            String hint = run.says("Device timeout detected")
                    ? " (libcamera reported a device timeout: check the ribbon cable and the power supply)" : "";
            return Optional.of(new CaptureException(Kind.TIMEOUT,
                    tool + " did not finish within " + seconds(run) + " s and was killed" + hint));
        }
        if (run.succeeded()) {
            return Optional.empty();
        }
        if (run.says("no cameras available") || run.says("selected camera is not available")) {
            return Optional.of(new CaptureException(Kind.DISCONNECTED,
                    "libcamera sees no camera: check the ribbon cable and that the camera is enabled ("
                            + run.stderrTail(1) + ")"));
        }
        if (run.says("failed to acquire camera") || run.says("Device or resource busy")) {
            return Optional.of(new CaptureException(Kind.BUSY,
                    "another program holds the camera: " + run.stderrTail(1)));
        }
        if (run.says("unrecognised option") || run.says("unrecognized option") || run.says("is invalid") || run.says("invalid ")
                || run.says("legacy camera stack") || run.says("only supports the Raspberry Pi")) {
            return Optional.of(new CaptureException(Kind.MISCONFIGURED,
                    tool + " refused its command line (too old a version, or a setting it does not know): "
                            + run.stderrTail(TAIL_LINES)));
        }
        return Optional.of(new CaptureException(Kind.FAILED,
                tool + " exited with " + run.exitCode() + ": " + run.stderrTail(TAIL_LINES)));
    }

    private static String seconds(ProcessOutcome run) {
        return String.format(Locale.ROOT, "%.1f", run.duration().toMillis() / 1000.0);
    }
}
