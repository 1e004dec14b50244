package studio.timelapse.camera.capture.gphoto;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.camera.capture.BackendCapabilities;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.process.CaptureAction;
import studio.timelapse.camera.capture.process.CommandLine;
import studio.timelapse.camera.capture.process.ExifExposure;
import studio.timelapse.camera.capture.JpegCheck;
import studio.timelapse.camera.capture.JpegInfo;
import studio.timelapse.camera.capture.process.ProcessOutcome;
import studio.timelapse.camera.capture.process.ProcessRunner;
import studio.timelapse.camera.capture.process.StrayProcesses;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * A DSLR on USB: one {@code gphoto2 --capture-image-and-download} per frame, with the exposure set in the same
 * run. A camera that says it is busy ("PTP Device Busy", "I/O in progress", a USB device another program claimed)
 * is asked again after a short, doubling wait while the deadline still leaves time for a whole capture
 * ({@link GphotoConfig#captureAllowance()}); a run that hangs (a frozen camera, a low battery's long busy-wait) is
 * killed at the deadline. Exposure comes from the JPEG's EXIF.
 *
 * <p>Logs {@code camera:gphoto2:capture} per frame, with {@code camera:gphoto2:retry} for each retry and
 * {@code camera:process:exited} for each run inside it, and {@code camera:gphoto2:reset}.
 */
public final class GphotoBackend implements CameraBackend {
    private static final String TOOL = "gphoto2";

    private final ActionLog log;
    private final GphotoConfig config;
    private final ProcessRunner runner;
    private final StrayProcesses strays;

    public GphotoBackend(ActionLog log, GphotoConfig config) {
        this.log = log;
        this.config = config;
        this.runner = new ProcessRunner(log, config.clock(), config.tools());
        this.strays = new StrayProcesses(List.of(TOOL), config.tools());
    }

    @Override
    public String name() {
        return TOOL;
    }

    @Override
    public BackendCapabilities capabilities() {
        return new BackendCapabilities(true, false, config.maxWidth(), config.maxHeight(),
                config.minInterval().toMillis());
    }

    @Override
    public CaptureResult capture(CaptureRequest request, Path target) throws CaptureException, InterruptedException {
        return CaptureAction.run(log, "camera:gphoto2:capture", request, target, action -> {
            List<String> command = GphotoArguments.forFrame(tool(), config, request.settings(), target);
            action.log("camera:gphoto2:command", "command", CommandLine.format(command));
            return captureRetryingWhileBusy(command, request.deadline(), target, action);
        });
    }

    private CaptureResult captureRetryingWhileBusy(List<String> command, Instant deadline, Path target, Action action)
            throws CaptureException, InterruptedException {
        Duration backoff = config.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            Instant started = config.clock().instant();
            ProcessOutcome run = runner.runTool(command, deadline);
            Optional<CaptureException> failure = GphotoFailure.of(run);
            if (failure.isEmpty()) {
                return result(target);
            }
            CaptureException problem = failure.get();
            if (problem.kind() != Kind.BUSY) {
                throw problem;
            }
            // Another attempt must have time for a whole capture and download, which takes longer than a busy answer
            // (or as long as this attempt took, if that was longer): one that runs into the deadline is killed
            // mid-conversation with the camera, which helps nobody, and reads as a frozen camera.
            Instant now = config.clock().instant();
            Duration left = Duration.between(now, deadline);
            Duration attemptNeeds = max(Duration.between(started, now), config.captureAllowance());
            if (left.compareTo(backoff.plus(attemptNeeds)) <= 0) {
                throw new CaptureException(Kind.BUSY, "the camera was still busy after " + attempt + " attempt"
                        + (attempt == 1 ? "" : "s") + " and the deadline leaves no time for another: "
                        + problem.getMessage());
            }
            action.log("camera:gphoto2:retry", "attempt", attempt, "reason", problem.getMessage(),
                    "wait_ms", backoff.toMillis());
            config.sleeper().sleep(backoff);
            backoff = min(backoff.multipliedBy(2), config.maxBackoff());
        }
    }

    private CaptureResult result(Path target) throws CaptureException {
        JpegInfo jpeg = JpegCheck.verify(target);
        Map<String, Object> exposure;
        try {
            exposure = ExifExposure.read(target);
        } catch (IOException e) {
            log.message("camera:gphoto2:exposure_unknown", "reason", e.getMessage());
            exposure = Map.of();
        }
        return new CaptureResult(config.clock().instant(), jpeg.width(), jpeg.height(), exposure);
    }

    /**
     * Kills our leftover gphoto2 runs, finds the camera on USB (logging its bus and device, which a USB-level reset
     * of {@code /dev/bus/usb/BBB/DDD} would need) and resets its port with {@code gphoto2 --reset}.
     *
     * @throws CaptureException {@link Kind#DISCONNECTED} if no camera is on USB, or what the reset failed with
     */
    @Override
    public void reset() throws CaptureException, InterruptedException {
        try (Action action = log.start("camera:gphoto2:reset", "port", config.port().orElse(null))) {
            try {
                runner.killRunning();
                strays.killAll(action);
                Path tool = tool();
                List<DetectedCamera> cameras = detect(tool, action);
                Optional<String> port = config.port().or(() -> cameras.size() == 1
                        ? Optional.of(cameras.get(0).port()) : Optional.empty());
                List<String> command = new ArrayList<>(List.of(tool.toString()));
                port.ifPresent(p -> command.addAll(List.of("--port", p)));
                command.add("--reset");
                ProcessOutcome reset = runner.runTool(command, config.clock().instant().plus(config.resetTimeout()));
                Optional<CaptureException> failure = GphotoFailure.of(reset);
                if (failure.isPresent()) {
                    throw failure.get();
                }
            } catch (CaptureException | InterruptedException | RuntimeException e) {
                action.fail(e);
                throw e;
            }
        }
    }

    private List<DetectedCamera> detect(Path tool, Action action) throws CaptureException, InterruptedException {
        ProcessOutcome run = runner.runTool(List.of(tool.toString(), "--auto-detect"),
                config.clock().instant().plus(config.resetTimeout()));
        Optional<CaptureException> failure = GphotoFailure.of(run);
        if (failure.isPresent()) {
            throw failure.get();
        }
        List<DetectedCamera> cameras = DetectedCamera.parse(run.stdout());
        for (DetectedCamera camera : cameras) {
            action.log("camera:gphoto2:detected", "model", camera.model(), "port", camera.port(),
                    "usb_bus", camera.usbBus().orElse(null), "usb_device", camera.usbDevice().orElse(null));
        }
        if (cameras.isEmpty()) {
            throw new CaptureException(Kind.DISCONNECTED, "gphoto2 --auto-detect finds no camera: check the USB "
                    + "cable, that the camera is switched on and not asleep, and its battery");
        }
        return cameras;
    }

    private Path tool() throws CaptureException {
        return config.tools().find(TOOL).orElseThrow(() -> new CaptureException(Kind.MISCONFIGURED,
                "gphoto2 is not on the PATH (" + config.tools() + "): install the gphoto2 package"));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void close() {
        runner.killRunning();
    }
}
