package studio.timelapse.desktop.render.encode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a finished {@link VideoEncoder} wrote.
 *
 * @param file the MP4 file
 * @param encoder the {@link EncoderFactory#name()} that wrote it
 * @param settings the settings it was written with
 * @param frames frames in the stream
 * @param duration how long it plays: {@code frames} at the settings' frame rate
 * @param bytes the file's size
 */
public record EncodedStream(Path file, String encoder, EncoderSettings settings, long frames, Duration duration,
        long bytes) {}
