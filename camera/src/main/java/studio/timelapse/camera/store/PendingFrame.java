package studio.timelapse.camera.store;

import java.nio.file.Path;

/**
 * A frame being taken: the temporary file a backend writes into ({@code CameraBackend.capture(request, file)}).
 * Hand it to {@link FrameStore#commit} or {@link FrameStore#abandon}; either way the temporary file is gone after.
 */
public record PendingFrame(Path file) {}
