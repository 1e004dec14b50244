package studio.timelapse.desktop.ingest;

import java.awt.geom.AffineTransform;

/**
 * EXIF orientation (tag 0x0112): how the stored image must be turned to stand upright. Decoders return the stored
 * image; screens and thumbnails show it upright.
 */
public enum Orientation {
    NORMAL(1), MIRROR_HORIZONTAL(2), ROTATE_180(3), MIRROR_VERTICAL(4), TRANSPOSE(5), ROTATE_90_CW(6), TRANSVERSE(7),
    ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    /** The orientation an EXIF value names; anything outside 1..8 (seen in the wild) counts as normal. */
    public static Orientation ofExif(int value) {
        for (Orientation orientation : values()) {
            if (orientation.exifValue == value) {
                return orientation;
            }
        }
        return NORMAL;
    }

    /** Whether turning it upright exchanges width and height. */
    public boolean swapsSides() {
        return exifValue >= 5;
    }

    /** Maps the stored image of {@code width}×{@code height} onto the upright one. */
    AffineTransform toUpright(double width, double height) {
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case MIRROR_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case MIRROR_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, height);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, height, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, height, width);
            case ROTATE_270_CW -> new AffineTransform(0, -1, 1, 0, 0, width);
        };
    }
}
