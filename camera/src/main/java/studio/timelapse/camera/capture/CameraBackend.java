package studio.timelapse.camera.capture;

import java.nio.file.Path;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * One kind of camera: the Pi camera module through libcamera's {@code rpicam-still}, a DSLR through
 * {@code gphoto2}, a GoPro over its HTTP API, or the synthetic camera. The scheduler owns timing, retries and the
 * watchdog; a backend only takes one frame when asked, and brings the camera back when told to.
 *
 * <p>Implementations are used from one thread at a time.
 */
public interface CameraBackend extends AutoCloseable {

    /** Short name for logs and status: {@code synthetic}, {@code rpicam}, {@code gphoto2}, {@code gopro}. */
    String name();

    BackendCapabilities capabilities();

    /**
     * What the camera can do for frames taken with {@code frame}: a camera whose pace depends on the frame size (the
     * synthetic camera renders every pixel) reports that size's shortest interval. The same for every size unless a
     * backend says otherwise.
     */
    default BackendCapabilities capabilities(FrameSettings frame) {
        return capabilities();
    }

    /**
     * Takes one frame and writes it as a complete JPEG to {@code target} (a temporary file in the store, which the
     * store then verifies, syncs and renames). Must give up by {@code request.deadline()}: the watchdog kills what
     * does not, but a backend that can stop cleanly should.
     *
     * @throws CaptureException with its kind (busy, timeout, disconnected, bad output, failed) and whether a retry
     *     may help
     */
    CaptureResult capture(CaptureRequest request, Path target) throws CaptureException, InterruptedException;

    /**
     * Brings a hung or failing camera back after repeated failures: kill leftover processes, reset the USB device,
     * reconnect, re-enable the camera's Wi-Fi… Cheap for backends that have nothing to reset.
     */
    void reset() throws CaptureException, InterruptedException;

    /** Releases the camera (processes, connections). */
    @Override
    void close();
}
