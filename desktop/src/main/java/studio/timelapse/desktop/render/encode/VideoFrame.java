package studio.timelapse.desktop.render.encode;

import java.util.Objects;

/**
 * One output frame, as the frame pipeline hands it to a {@link VideoEncoder}: already at the encoder's size, in one of
 * three layouts, rows top to bottom without padding (the stride is the width).
 *
 * <ul>
 *   <li>{@link Layout#INT_RGB}: one {@code int} per pixel, {@code 0xRRGGBB} (the top byte is ignored), as
 *       {@code BufferedImage.TYPE_INT_RGB}/{@code TYPE_INT_ARGB} hold it;</li>
 *   <li>{@link Layout#BYTE_RGB}: three bytes per pixel in the order R, G, B;</li>
 *   <li>{@link Layout#YUV420}: planar Y, U (Cb), V (Cr), chroma at half width and height, already in the colour
 *       space and range of the encoder's {@link EncoderSettings} — for a pipeline that converts on its own threads
 *       with {@link RgbToYuv420}.</li>
 * </ul>
 *
 * <p>Ownership: {@link VideoEncoder#encode} reads the buffers before it returns and keeps no reference to them, so the
 * pipeline may refill and reuse a frame's buffers for the next frame.
 *
 * @param index the frame's position in the encoder's output, 0 for the first frame it gets, then 1, 2, …; an encoder
 *     refuses a gap or a repeat (a dropped frame upstream is a bug, not something to paper over)
 */
public record VideoFrame(long index, int width, int height, Layout layout, int[] intRgb, byte[] byteRgb, byte[] y,
        byte[] u, byte[] v) {

    public enum Layout { INT_RGB, BYTE_RGB, YUV420 }

    public VideoFrame {
        Objects.requireNonNull(layout, "layout");
        if (index < 0) {
            throw new IllegalArgumentException("A frame index counts from 0, not " + index);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A frame needs a positive size, not " + width + "x" + height);
        }
        long pixels = (long) width * height;
        switch (layout) {
            case INT_RGB -> requireLength("intRgb", intRgb == null ? -1 : intRgb.length, pixels);
            case BYTE_RGB -> requireLength("byteRgb", byteRgb == null ? -1 : byteRgb.length, pixels * 3);
            case YUV420 -> {
                requireLength("y", y == null ? -1 : y.length, pixels);
                long chroma = (long) ((width + 1) / 2) * ((height + 1) / 2);
                requireLength("u", u == null ? -1 : u.length, chroma);
                requireLength("v", v == null ? -1 : v.length, chroma);
            }
        }
    }

    /** Pixels as {@code 0xRRGGBB} ints, {@code width * height} of them. */
    public static VideoFrame ofIntRgb(long index, int width, int height, int[] pixels) {
        return new VideoFrame(index, width, height, Layout.INT_RGB, pixels, null, null, null, null);
    }

    /** Pixels as R, G, B bytes, {@code 3 * width * height} of them. */
    public static VideoFrame ofByteRgb(long index, int width, int height, byte[] rgb) {
        return new VideoFrame(index, width, height, Layout.BYTE_RGB, null, rgb, null, null, null);
    }

    /** Planar 4:2:0: Y {@code width * height}, U and V {@code (width / 2) * (height / 2)} each (even sizes). */
    public static VideoFrame ofYuv420(long index, int width, int height, byte[] y, byte[] u, byte[] v) {
        return new VideoFrame(index, width, height, Layout.YUV420, null, null, y, u, v);
    }

    private static void requireLength(String buffer, long actual, long needed) {
        if (actual < 0) {
            throw new IllegalArgumentException("The frame's " + buffer + " buffer is missing");
        }
        if (actual < needed) {
            throw new IllegalArgumentException(
                    "The frame's " + buffer + " buffer holds " + actual + " values; its size needs " + needed);
        }
    }

    @Override
    public String toString() {
        return "VideoFrame[" + index + ", " + width + "x" + height + ", " + layout + "]";
    }
}
