package studio.timelapse.desktop.render.pipeline;

import java.util.function.Consumer;

/**
 * One finished output frame, handed to the consumer in order: {@code 0xRRGGBB} pixels, rows top to bottom, stride =
 * width. The pixels belong to the pipeline's bounded pool: {@link #close()} the frame once it is encoded, and do not
 * keep the array.
 *
 * <p>For an encoder: {@code VideoFrame.ofIntRgb(outputIndex, frame.width(), frame.height(), frame.pixels())}.
 */
public final class RenderedFrame implements AutoCloseable {
    private final int position;
    private final SourceFrame source;
    private final int width;
    private final int height;
    private final int[] pixels;
    private final double meanLuma;
    private final Consumer<int[]> release;
    private boolean closed;

    RenderedFrame(int position, SourceFrame source, int width, int height, int[] pixels, double meanLuma,
            Consumer<int[]> release) {
        this.position = position;
        this.source = source;
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.meanLuma = meanLuma;
        this.release = release;
    }

    /** The frame's place in the render (the index of its source in the render's list), from 0. */
    public int position() {
        return position;
    }

    public SourceFrame source() {
        return source;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, {@code 0xRRGGBB}; valid until {@link #close()}. */
    public int[] pixels() {
        if (closed) {
            throw new IllegalStateException("frame " + position + " is closed; its pixels belong to another frame now");
        }
        return pixels;
    }

    /** The mean BT.601 luma (0–255) of the picture as rendered (without bars, before overlays). */
    public double meanLuma() {
        return meanLuma;
    }

    /** Gives the pixels back to the pipeline; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.accept(pixels);
        }
    }

    @Override
    public String toString() {
        return "RenderedFrame[" + position + ", " + width + "x" + height + ", " + source.file().getFileName() + "]";
    }
}
