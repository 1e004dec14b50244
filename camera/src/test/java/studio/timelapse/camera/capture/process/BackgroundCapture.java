package studio.timelapse.camera.capture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;

/**
 * A capture on a thread of its own, so that a test can wait until the tool is hanging and only then move its manual
 * clock past the deadline: the outcome no longer depends on how fast the machine starts the fake.
 */
public final class BackgroundCapture implements AutoCloseable {
    private static final long GENEROUS_SECONDS = 30;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<CaptureResult> result;

    private BackgroundCapture(CameraBackend backend, CaptureRequest request, Path target) {
        result = thread.submit(() -> backend.capture(request, target));
    }

    public static BackgroundCapture start(CameraBackend backend, CaptureRequest request, Path target) {
        return new BackgroundCapture(backend, request, target);
    }

    /** Waits for the capture to fail and returns why; fails the test if it succeeds or fails otherwise. */
    public CaptureException failure() throws InterruptedException, TimeoutException {
        try {
            CaptureResult unexpected = result.get(GENEROUS_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("the capture was expected to fail but gave " + unexpected);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CaptureException.class);
            return (CaptureException) e.getCause();
        }
    }

    /** Interrupts a capture still running (a failed test), which kills its tool. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
