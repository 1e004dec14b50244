package studio.timelapse.camera.capture.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * Synthetic cameras for a test, logging to one recording, each frame written to a real JPEG file in a folder of its
 * own and read back.
 */
final class TestCameras implements AutoCloseable {
    private final Path folder;
    private final RecordingLog recording = new RecordingLog();
    private final List<SyntheticCamera> cameras = new ArrayList<>();

    TestCameras() {
        try {
            folder = Files.createTempDirectory("synthetic-camera-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A camera with the defaults, changed by {@code settings}; closed with this fixture. */
    SyntheticCamera camera(Consumer<SyntheticCamera.Builder> settings) {
        SyntheticCamera.Builder builder = SyntheticCamera.builder(recording.log());
        settings.accept(builder);
        SyntheticCamera camera = builder.build();
        cameras.add(camera);
        return camera;
    }

    /** The frame {@code camera} takes on midsummer's day at {@code time} UTC, as a viewer decodes it. */
    BufferedImage frame(SyntheticCamera camera, String time, FrameSettings settings) throws Exception {
        Path target = folder.resolve("frame.jpg");
        camera.capture(Frames.at(time, settings), target);
        return Frames.read(target);
    }

    /** Captures on midsummer's day at {@code time} UTC: what the camera reported, and its file. */
    Captured capture(SyntheticCamera camera, String time, FrameSettings settings) throws Exception {
        Path target = folder.resolve("frame.jpg");
        return new Captured(camera.capture(Frames.at(time, settings), target), target);
    }

    record Captured(CaptureResult result, Path file) {}

    /** Closes the cameras and deletes their frames. */
    @Override
    public void close() {
        cameras.forEach(SyntheticCamera::close);
        recording.close();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
