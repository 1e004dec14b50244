package studio.timelapse.desktop.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * A frame at 1/{@code cell} scale: each pixel the mean colour of a {@code cell}×{@code cell} block of the image (the
 * last column and row cover what is left of the image). What the analysis measures and thumbnails are drawn from.
 *
 * @param imageWidth the full image's width, in pixels
 * @param rgb packed 0xRRGGBB per block, row-major, {@code columns} a row
 * @param luma BT.709 luma per block, 0..255, from the unrounded colour
 */
record BlockImage(int imageWidth, int imageHeight, int cell, int columns, int rows, int[] rgb, float[] luma) {

    BlockImage {
        if (columns != (imageWidth + cell - 1) / cell || rows != (imageHeight + cell - 1) / cell
                || rgb.length != columns * rows || luma.length != rgb.length) {
            throw new IllegalArgumentException("blocks do not match the image size");
        }
    }

    /** How many image pixels block ({@code column}, {@code row}) covers. */
    int pixels(int column, int row) {
        return Math.min(cell, imageWidth - column * cell) * Math.min(cell, imageHeight - row * cell);
    }

    static float luma(float red, float green, float blue) {
        return 0.2126f * red + 0.7152f * green + 0.0722f * blue;
    }

    /** The blocks as an image, one pixel each, sharing {@link #rgb} (setRGB would convert pixel by pixel). */
    BufferedImage toImage() {
        int[] masks = {0xFF0000, 0xFF00, 0xFF};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(rgb, rgb.length), columns, rows, columns,
                masks, null);
        return new BufferedImage(new DirectColorModel(24, masks[0], masks[1], masks[2]), raster, false, null);
    }
}
