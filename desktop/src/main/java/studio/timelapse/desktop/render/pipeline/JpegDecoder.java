package studio.timelapse.desktop.render.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes JPEG files into {@link DecodedImage}s, reusing its buffers from one file to the next. One per worker thread:
 * not thread-safe.
 */
interface JpegDecoder extends AutoCloseable {

    /** What decodes, for the log: "ffmpeg mjpeg", "ImageIO". */
    String name();

    /**
     * Decodes {@code file} at {@code 1/reduction} of its size (1, 2, 4 or 8) if this decoder can do that cheaply, else
     * at a smaller reduction; {@link DecodedImage#reduction()} says which it got. The image is valid until the next
     * call.
     *
     * @throws IOException the file could not be read
     * @throws UndecodableFrameException the file is not a JPEG this decoder can decode, and why
     */
    DecodedImage decode(Path file, int reduction) throws IOException, UndecodableFrameException;

    @Override
    void close();
}
