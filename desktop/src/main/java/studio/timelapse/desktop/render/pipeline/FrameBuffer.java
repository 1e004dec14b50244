package studio.timelapse.desktop.render.pipeline;

/**
 * The memory of one output frame, reused from frame to frame: {@code 0xRRGGBB} pixels, or YUV 4:2:0 planes when the
 * stream delivers what the encoder takes.
 */
final class FrameBuffer {
    private final int[] rgb;
    private final YuvPlanes yuv;

    private FrameBuffer(int[] rgb, YuvPlanes yuv) {
        this.rgb = rgb;
        this.yuv = yuv;
    }

    static FrameBuffer rgb(FrameSize size) {
        return new FrameBuffer(new int[size.pixels()], null);
    }

    static FrameBuffer yuv(FrameSize size) {
        return new FrameBuffer(null, YuvPlanes.of(size));
    }

    boolean isYuv() {
        return yuv != null;
    }

    /** The pixels; only for an RGB buffer. */
    int[] rgb() {
        if (rgb == null) {
            throw new IllegalStateException("this frame is YUV 4:2:0, not RGB");
        }
        return rgb;
    }

    /** The planes; only for a YUV buffer. */
    YuvPlanes yuv() {
        if (yuv == null) {
            throw new IllegalStateException("this frame is RGB, not YUV 4:2:0");
        }
        return yuv;
    }
}
