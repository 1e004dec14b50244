package studio.timelapse.desktop.ingest;

import java.util.Objects;

/**
 * A small JPEG of a frame, upright (EXIF orientation applied), at most {@link #MAX_SIDE} pixels on its long side.
 *
 * @param jpeg the encoded thumbnail
 * @param source where it came from: the camera's own (embedded in EXIF) or made here from the image data
 */
public record Thumbnail(byte[] jpeg, int width, int height, Source source) {
    public static final int MAX_SIDE = 320;

    public enum Source { EXIF, DECODED }

    public Thumbnail {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(source, "source");
        if (width <= 0 || height <= 0 || Math.max(width, height) > MAX_SIDE) {
            throw new IllegalArgumentException("a thumbnail is 1 to " + MAX_SIDE + " px a side, not " + width + "x"
                    + height);
        }
    }
}
