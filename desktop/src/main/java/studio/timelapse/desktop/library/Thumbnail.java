package studio.timelapse.desktop.library;

import java.util.Objects;

/** A frame's small JPEG (at most 320 px on the long side), for browsing. */
public record Thumbnail(int width, int height, byte[] jpeg) {
    public static final int MAX_SIDE = 320;

    public Thumbnail {
        Objects.requireNonNull(jpeg, "jpeg");
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a thumbnail is 1–" + MAX_SIDE + " px on each side, was " + width + "x"
                    + height);
        }
        if (jpeg.length == 0) {
            throw new IllegalArgumentException("a thumbnail needs its JPEG bytes");
        }
    }
}
