package studio.timelapse.camera.capture.gopro;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import studio.timelapse.camera.capture.BackendCapabilities;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.process.CaptureAction;
import studio.timelapse.camera.capture.process.ExifExposure;
import studio.timelapse.camera.capture.JpegCheck;
import studio.timelapse.camera.capture.JpegInfo;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * A GoPro over Open GoPro HTTP. Per frame: wait until the camera is neither busy nor encoding, load the photo preset
 * group, note the media list, press the shutter, poll until the camera is idle again and a new photo is listed,
 * download it, check it, and delete it from the card once it is safely here. A keep-alive runs on a timer from
 * construction to {@link #close()}.
 *
 * <p>The camera decides its own exposure, size and quality (its preset and Protune settings): settings that ask for
 * something else are refused, not ignored.
 *
 * <p>Logs {@code camera:gopro:capture} per frame (with {@code camera:gopro:waited} when the camera kept it waiting
 * and {@code camera:gopro:delete_failed} when the card copy could not be removed), {@code camera:gopro:reset}, and
 * the keep-alive's {@code camera:gopro:keep_alive_failed} / {@code camera:gopro:keep_alive_restored}.
 */
public final class GoProBackend implements CameraBackend {
    private final ActionLog log;
    private final GoProConfig config;
    private final GoProClient client;
    private final KeepAlive keepAlive;

    public GoProBackend(ActionLog log, GoProConfig config) {
        this.log = log;
        this.config = config;
        this.client = new GoProClient(config.baseUri(), config.clock(), config.requestTimeout());
        this.keepAlive = new KeepAlive(log, client, config.keepAliveInterval());
    }

    @Override
    public String name() {
        return "gopro";
    }

    @Override
    public BackendCapabilities capabilities() {
        return new BackendCapabilities(false, false, config.maxWidth(), config.maxHeight(),
                config.minInterval().toMillis());
    }

    @Override
    public CaptureResult capture(CaptureRequest request, Path target) throws CaptureException, InterruptedException {
        return CaptureAction.run(log, "camera:gopro:capture", request, target, action -> {
            refuseWhatTheCameraDecidesItself(request.settings());
            return takePhoto(request.deadline(), target, action);
        }, "camera", config.baseUri());
    }

    private CaptureResult takePhoto(Instant deadline, Path target, Action action)
            throws CaptureException, InterruptedException {
        awaitReady(deadline, action);
        client.command("/gopro/camera/presets/set_group?id=" + config.photoPresetGroup(), deadline,
                "loading the photo preset group");
        awaitReady(deadline, action);
        Set<String> before = client.mediaList(deadline).stream().map(MediaFile::path).collect(Collectors.toSet());
        client.command("/gopro/camera/shutter/start", deadline, "pressing the shutter");
        MediaFile photo = awaitNewPhoto(before, deadline, action);
        action.log("camera:gopro:photo", "path", photo.path(),
                "bytes", photo.bytes().isPresent() ? photo.bytes().getAsLong() : null);
        long bytes = client.download(photo, target, deadline);
        if (photo.bytes().isPresent() && photo.bytes().getAsLong() != bytes) {
            throw new CaptureException(Kind.BAD_OUTPUT, "the download of " + photo.path() + " was cut short: "
                    + bytes + " of " + photo.bytes().getAsLong() + " bytes");
        }
        JpegInfo jpeg = JpegCheck.verify(target);
        deleteFromCard(photo, deadline, action);
        return new CaptureResult(config.clock().instant(), jpeg.width(), jpeg.height(), exposure(target, photo));
    }

    private void refuseWhatTheCameraDecidesItself(FrameSettings settings) throws CaptureException {
        if (settings.width() != 0) {
            throw new CaptureException(Kind.MISCONFIGURED, "a GoPro takes photos at the size of its preset, not "
                    + settings.width() + "x" + settings.height() + ": ask for full resolution");
        }
        if (settings.manualExposure() || settings.gain().isPresent() || settings.whiteBalanceKelvin().isPresent()) {
            throw new CaptureException(Kind.MISCONFIGURED, "the GoPro backend does not set exposure or white "
                    + "balance (the camera's Protune settings apply): leave them automatic");
        }
        if (settings.hdr()) {
            throw new CaptureException(Kind.MISCONFIGURED, "the GoPro backend does not switch HDR: turn it off here "
                    + "and choose it in the camera's photo preset");
        }
    }

    /** Polls until the camera is neither busy nor encoding, as Open GoPro asks before any command. */
    private void awaitReady(Instant deadline, Action action) throws CaptureException, InterruptedException {
        Instant started = config.clock().instant();
        int polls = 0;
        for (CameraState state = client.state(deadline); !state.ready(); polls++) {
            String stillBusy = "the GoPro stayed " + (state.encoding() ? "encoding" : "busy") + " until the deadline ("
                    + (polls + 1) + " polls)";
            pause(deadline, stillBusy);
            try {
                state = client.state(deadline);
            } catch (CaptureException e) {
                throw e.kind() == Kind.TIMEOUT ? new CaptureException(Kind.TIMEOUT, stillBusy, e) : e;
            }
        }
        if (polls > 0) {
            action.log("camera:gopro:waited", "polls", polls,
                    "waited_ms", Duration.between(started, config.clock().instant()).toMillis());
        }
    }

    /**
     * After the shutter: the photo is done when the camera is idle again and the media list holds a photo it did not
     * hold before. Polling the list too covers a camera that has not raised its encoding flag yet.
     */
    private MediaFile awaitNewPhoto(Set<String> before, Instant deadline, Action action)
            throws CaptureException, InterruptedException {
        while (true) {
            awaitReady(deadline, action);
            Optional<MediaFile> photo = client.mediaList(deadline).stream()
                    .filter(file -> file.isPhoto() && !before.contains(file.path()))
                    .reduce((first, second) -> second);
            if (photo.isPresent()) {
                if (!photo.get().safeForUrl()) {
                    throw new CaptureException(Kind.FAILED, "the GoPro listed a photo with an unexpected name: "
                            + photo.get().path());
                }
                return photo.get();
            }
            pause(deadline, "no new photo appeared in the GoPro's media list before the deadline");
        }
    }

    private void pause(Instant deadline, String timeoutMessage) throws CaptureException, InterruptedException {
        Instant next = config.clock().instant().plus(config.pollInterval());
        if (!next.isBefore(deadline)) {
            throw new CaptureException(Kind.TIMEOUT, timeoutMessage);
        }
        config.sleeper().sleep(config.pollInterval());
    }

    /** The frame is safe here; a card copy that cannot be removed only fills the card, so it is logged, not fatal. */
    private void deleteFromCard(MediaFile photo, Instant deadline, Action action) throws InterruptedException {
        try {
            client.delete(photo, deadline);
        } catch (CaptureException e) {
            action.log("camera:gopro:delete_failed", "path", photo.path(), "reason", e.getMessage());
        }
    }

    private Map<String, Object> exposure(Path target, MediaFile photo) {
        Map<String, Object> exposure = new LinkedHashMap<>();
        try {
            exposure.putAll(ExifExposure.read(target));
        } catch (IOException e) {
            log.message("camera:gopro:exposure_unknown", "reason", e.getMessage());
        }
        photo.created().ifPresent(seconds -> exposure.put("camera_created_s", seconds));
        return exposure;
    }

    /**
     * Re-establishes control: fresh connections, wired USB control re-enabled (over Wi-Fi the camera may refuse it,
     * which is logged and not an error), and the state read again to prove the camera answers.
     *
     * @throws CaptureException {@link Kind#DISCONNECTED} if the camera does not answer
     */
    @Override
    public void reset() throws CaptureException, InterruptedException {
        try (Action action = log.start("camera:gopro:reset", "camera", config.baseUri())) {
            try {
                client.reconnect();
                Instant deadline = config.clock().instant().plus(config.requestTimeout().multipliedBy(2));
                try {
                    client.command("/gopro/camera/control/wired_usb?p=1", deadline, "enabling wired USB control");
                } catch (CaptureException e) {
                    if (e.kind() == Kind.DISCONNECTED || e.kind() == Kind.TIMEOUT) {
                        throw e;
                    }
                    action.log("camera:gopro:wired_usb_refused", "reason", e.getMessage());
                }
                CameraState state = client.state(deadline);
                action.addSuccessFields("busy", state.busy(), "encoding", state.encoding());
            } catch (CaptureException | InterruptedException | RuntimeException e) {
                action.fail(e);
                throw e;
            }
        }
    }

    /** Stops the keep-alive. */
    @Override
    public void close() {
        keepAlive.close();
    }
}
