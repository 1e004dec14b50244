package studio.timelapse.desktop.ingest;

import java.util.List;

/**
 * The mean level (0..255 for 8-bit samples, before colour conversion) of every 8×8 block of every component of a
 * JPEG, as its DC coefficients give them.
 *
 * @param planes per component (in frame order), row-major, {@code strides[c]} blocks a row
 */
record BlockMeans(JpegHeader header, List<float[]> planes, int[] strides) {}
