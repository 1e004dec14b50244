package studio.timelapse.desktop.render.pipeline;

/**
 * A frame as planar YUV 4:2:0, ready for an encoder: Y of {@code width * height} bytes, U (Cb) and V (Cr) of {@code
 * (width / 2) * (height / 2)}, rows without padding, in the colour space and range of the stream's {@link YuvFormat}.
 */
public record YuvPlanes(byte[] y, byte[] u, byte[] v) {

    /** New planes for a frame of {@code size} (even sides). */
    static YuvPlanes of(FrameSize size) {
        int chroma = size.width() / 2 * (size.height() / 2);
        return new YuvPlanes(new byte[size.pixels()], new byte[chroma], new byte[chroma]);
    }
}
