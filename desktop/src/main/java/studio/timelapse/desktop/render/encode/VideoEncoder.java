package studio.timelapse.desktop.render.encode;

import java.io.IOException;

/**
 * One H.264 stream being written to one MP4 file. Frames come in order ({@link VideoFrame#index()} 0, 1, 2, …), the
 * first becomes a key frame; {@link #finish()} flushes the encoder, completes the file and says what it holds.
 *
 * <p>Used by one thread at a time; parallel encoding uses one encoder per segment. Closing an encoder that was not
 * finished abandons it and deletes the partial file, so a failed or cancelled segment leaves nothing that looks
 * complete.
 */
public interface VideoEncoder extends AutoCloseable {

    /**
     * Encodes the next frame. The frame must have the settings' size and the next index; its buffers are read before
     * this returns (the caller may reuse them).
     */
    void encode(VideoFrame frame) throws IOException;

    /** Encodes what is still buffered and completes the file; afterwards {@link #encode} is refused. */
    EncodedStream finish() throws IOException;

    /** Releases native and file resources; without a {@link #finish()} first, deletes the partial output. */
    @Override
    void close() throws IOException;
}
