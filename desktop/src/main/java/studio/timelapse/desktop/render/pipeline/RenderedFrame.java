package studio.timelapse.desktop.render.pipeline;

import java.util.function.Consumer;

/**
 * One finished output frame, handed to the consumer in order: {@code 0xRRGGBB} pixels, rows top to bottom, stride =
 * width; or, from a stream opened with a {@link YuvFormat} whose look needs no RGB, {@link YuvPlanes} in that format
 * ({@link #isYuv()}). The memory belongs to the pipeline's bounded pool: {@link #close()} the frame once it is
 * encoded, and do not keep the arrays.
 *
 * <p>For an encoder: {@code VideoFrame.ofIntRgb(outputIndex, frame.width(), frame.height(), frame.pixels())}, or
 * {@code VideoFrame.ofYuv420(outputIndex, frame.width(), frame.height(), yuv.y(), yuv.u(), yuv.v())}.
 */
public final class RenderedFrame implements AutoCloseable {
    private final int position;
    private final SourceFrame source;
    private final int width;
    private final int height;
    private final FrameBuffer buffer;
    private final double meanLuma;
    private final Consumer<FrameBuffer> release;
    private boolean closed;

    RenderedFrame(int position, SourceFrame source, int width, int height, FrameBuffer buffer, double meanLuma,
            Consumer<FrameBuffer> release) {
        this.position = position;
        this.source = source;
        this.width = width;
        this.height = height;
        this.buffer = buffer;
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

    /** The pixels, {@code 0xRRGGBB}, of a frame that is not {@link #isYuv()}; valid until {@link #close()}. */
    public int[] pixels() {
        requireOpen();
        return buffer.rgb();
    }

    /** Whether the frame holds {@link #yuv()} planes rather than RGB {@link #pixels()}. */
    public boolean isYuv() {
        return buffer.isYuv();
    }

    /** The planes of a frame that {@link #isYuv()}; valid until {@link #close()}. */
    public YuvPlanes yuv() {
        requireOpen();
        return buffer.yuv();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("frame " + position + " is closed; its pixels belong to another frame now");
        }
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
            release.accept(buffer);
        }
    }

    @Override
    public String toString() {
        return "RenderedFrame[" + position + ", " + width + "x" + height + ", " + source.file().getFileName() + "]";
    }
}
