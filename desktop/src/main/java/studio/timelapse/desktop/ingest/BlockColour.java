package studio.timelapse.desktop.ingest;

import java.util.List;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * Turns the per-component block means of a JPEG into a {@link BlockImage} of colours: grey for one component, YCbCr
 * (JFIF) or RGB (Adobe transform 0, or components named R, G, B) for three. Chroma sampled at a lower resolution
 * is spread over the luma blocks it covers.
 */
final class BlockColour {
    private BlockColour() {}

    static BlockImage toImage(BlockMeans means) throws IngestFailure {
        JpegHeader header = means.header();
        int columns = (header.width() + 7) / 8;
        int rows = (header.height() + 7) / 8;
        int[] rgb = new int[columns * rows];
        float[] luma = new float[rgb.length];
        List<JpegHeader.Component> components = header.components();
        switch (components.size()) {
            case 1 -> grey(means, columns, rows, rgb, luma);
            case 3 -> colour(means, columns, rows, rgb, luma, isRgb(header));
            default -> throw new IngestFailure(Kind.UNSUPPORTED, components.size() == 4
                    ? "a CMYK JPEG (four colour components), which is for print, not a camera frame"
                    : "a JPEG with " + components.size() + " colour components");
        }
        return new BlockImage(header.width(), header.height(), 8, columns, rows, rgb, luma);
    }

    private static boolean isRgb(JpegHeader header) {
        if (header.adobeTransform().isPresent()) {
            return header.adobeTransform().getAsInt() == 0;
        }
        List<JpegHeader.Component> c = header.components();
        return c.get(0).id() == 'R' && c.get(1).id() == 'G' && c.get(2).id() == 'B';
    }

    private static void grey(BlockMeans means, int columns, int rows, int[] rgb, float[] luma) {
        float[] plane = means.planes().get(0);
        int[] columnOf = columnMap(means, 0, columns);
        for (int row = 0; row < rows; row++) {
            int source = rowStart(means, 0, row);
            for (int column = 0; column < columns; column++) {
                float level = clamp(plane[source + columnOf[column]]);
                int at = row * columns + column;
                luma[at] = level;
                int g = (int) (level + 0.5f);
                rgb[at] = (g << 16) | (g << 8) | g;
            }
        }
    }

    private static void colour(BlockMeans means, int columns, int rows, int[] rgb, float[] luma, boolean rgbSource) {
        float[] first = means.planes().get(0);
        float[] second = means.planes().get(1);
        float[] third = means.planes().get(2);
        int[] firstColumn = columnMap(means, 0, columns);
        int[] secondColumn = columnMap(means, 1, columns);
        int[] thirdColumn = columnMap(means, 2, columns);
        for (int row = 0; row < rows; row++) {
            int firstRow = rowStart(means, 0, row);
            int secondRow = rowStart(means, 1, row);
            int thirdRow = rowStart(means, 2, row);
            for (int column = 0; column < columns; column++) {
                float a = first[firstRow + firstColumn[column]];
                float b = second[secondRow + secondColumn[column]];
                float c = third[thirdRow + thirdColumn[column]];
                float red;
                float green;
                float blue;
                if (rgbSource) {
                    red = clamp(a);
                    green = clamp(b);
                    blue = clamp(c);
                } else { // JFIF YCbCr
                    float cb = b - 128f;
                    float cr = c - 128f;
                    red = clamp(a + 1.402f * cr);
                    green = clamp(a - 0.344136f * cb - 0.714136f * cr);
                    blue = clamp(a + 1.772f * cb);
                }
                int at = row * columns + column;
                luma[at] = BlockImage.luma(red, green, blue);
                rgb[at] = ((int) (red + 0.5f) << 16) | ((int) (green + 0.5f) << 8) | (int) (blue + 0.5f);
            }
        }
    }

    /** For each block column of the image, the column of component {@code c}'s block covering it. */
    private static int[] columnMap(BlockMeans means, int c, int columns) {
        JpegHeader header = means.header();
        int horizontal = header.components().get(c).horizontal();
        int[] map = new int[columns];
        for (int column = 0; column < columns; column++) {
            map[column] = column * horizontal / header.maxHorizontal();
        }
        return map;
    }

    /** Where, in component {@code c}'s plane, the blocks covering block row {@code row} of the image start. */
    private static int rowStart(BlockMeans means, int c, int row) {
        JpegHeader header = means.header();
        return row * header.components().get(c).vertical() / header.maxVertical() * means.strides()[c];
    }

    private static float clamp(float level) {
        return level < 0f ? 0f : level > 255f ? 255f : level;
    }
}
