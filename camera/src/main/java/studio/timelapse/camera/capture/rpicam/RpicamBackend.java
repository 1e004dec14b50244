package studio.timelapse.camera.capture.rpicam;

import java.io.IOException;
import java.nio.file.Path;
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
 * The Pi camera module: one {@code rpicam-still} run per frame ({@code libcamera-still} where rpicam-apps is
 * older), with the frame's size, quality, exposure, white balance and HDR on its command line. The run is killed
 * at the deadline; its exit, its error output and the file it wrote decide how a failure is reported. Exposure is
 * read from what the tool prints with {@code --metadata -}, or else from the JPEG's EXIF.
 *
 * <p>Logs {@code camera:rpicam:capture} per frame, with the command line ({@code camera:rpicam:command}) and the
 * tool's exit code and duration ({@code camera:process:exited}) inside it, and {@code camera:rpicam:reset}.
 */
public final class RpicamBackend implements CameraBackend {
    /** Searched in this order: rpicam-apps renamed its tools from {@code libcamera-*} in 2023. */
    static final List<String> TOOLS = List.of("rpicam-still", "libcamera-still");

    private final ActionLog log;
    private final RpicamConfig config;
    private final ProcessRunner runner;
    private final StrayProcesses strays;

    public RpicamBackend(ActionLog log, RpicamConfig config) {
        this.log = log;
        this.config = config;
        this.runner = new ProcessRunner(log, config.clock(), config.tools());
        this.strays = new StrayProcesses(List.of("rpicam-", "libcamera-"), config.tools());
    }

    @Override
    public String name() {
        return "rpicam";
    }

    @Override
    public BackendCapabilities capabilities() {
        return new BackendCapabilities(true, true, config.maxWidth(), config.maxHeight(),
                config.minInterval().toMillis());
    }

    @Override
    public CaptureResult capture(CaptureRequest request, Path target) throws CaptureException, InterruptedException {
        return CaptureAction.run(log, "camera:rpicam:capture", request, target, action -> {
            List<String> command =
                    RpicamArguments.forFrame(tool(), request.settings(), target, config.exposureSettle());
            action.log("camera:rpicam:command", "command", CommandLine.format(command));
            return takeFrame(command, request, target);
        });
    }

    private Path tool() throws CaptureException {
        return config.tools().findFirst(TOOLS).orElseThrow(() -> new CaptureException(Kind.MISCONFIGURED,
                "neither rpicam-still nor libcamera-still is on the PATH (" + config.tools()
                        + "): install rpicam-apps"));
    }

    private CaptureResult takeFrame(List<String> command, CaptureRequest request, Path target)
            throws CaptureException, InterruptedException {
        ProcessOutcome run = runner.runTool(command, request.deadline());
        Optional<CaptureException> failure = RpicamFailure.of(run);
        if (failure.isPresent()) {
            throw failure.get();
        }
        JpegInfo jpeg = JpegCheck.verify(target);
        Map<String, Object> exposure = RpicamMetadata.exposure(run.stdout());
        if (exposure.isEmpty()) {
            exposure = exifExposure(target);
        }
        return new CaptureResult(config.clock().instant(), jpeg.width(), jpeg.height(), exposure);
    }

    private Map<String, Object> exifExposure(Path jpeg) {
        try {
            return ExifExposure.read(jpeg);
        } catch (IOException e) {
            log.message("camera:rpicam:exposure_unknown", "reason", e.getMessage());
            return Map.of();
        }
    }

    /** Kills our leftover {@code rpicam-*} and {@code libcamera-*} processes, which keep the camera from opening. */
    @Override
    public void reset() throws CaptureException {
        try (Action action = log.start("camera:rpicam:reset")) {
            try {
                runner.killRunning();
                strays.killAll(action);
            } catch (CaptureException e) {
                throw action.fail(e);
            }
        }
    }

    @Override
    public void close() {
        runner.killRunning();
    }
}
