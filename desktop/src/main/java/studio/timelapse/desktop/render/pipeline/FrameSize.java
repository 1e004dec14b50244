package studio.timelapse.desktop.render.pipeline;

/** An output frame's size in pixels: even both ways, as H.264 with 4:2:0 chroma needs. */
public record FrameSize(int width, int height) {
    public static final int MAX_SIDE = 8192;

    public FrameSize {
        if (width < 2 || height < 2 || width > MAX_SIDE || height > MAX_SIDE || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("an output frame is 2 to " + MAX_SIDE
                    + " pixels each way, even, not " + width + "x" + height);
        }
    }

    public double aspect() {
        return (double) width / height;
    }

    public int pixels() {
        return width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
