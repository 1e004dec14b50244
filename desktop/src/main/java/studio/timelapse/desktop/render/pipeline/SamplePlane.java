package studio.timelapse.desktop.render.pipeline;

/**
 * One plane of a decoded image: 8-bit samples, {@link #channels()} interleaved per pixel (1 for a planar Y, Cb or Cr
 * plane; 3 for an interleaved raster), read one row at a time so that a plane may live in native memory.
 */
interface SamplePlane {

    int width();

    int height();

    /** Samples per pixel, interleaved. */
    int channels();

    /** Points {@code view} at row {@code y}: its samples start at {@code view.offset} in {@code view.array}. */
    void row(int y, RowView view);

    /** Where a row's samples are: an array and the index of the row's first sample. */
    final class RowView {
        byte[] array;
        int offset;
    }

    /** A plane in a Java array, read in place. */
    record InArray(byte[] data, int offset, int rowStride, int width, int height, int channels) implements SamplePlane {

        public InArray {
            if (width <= 0 || height <= 0 || channels <= 0) {
                throw new IllegalArgumentException("a plane needs a positive size, not " + width + "x" + height);
            }
            if (rowStride < width * channels || offset < 0
                    || offset + (long) rowStride * (height - 1) + (long) width * channels > data.length) {
                throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " plane with row stride "
                        + rowStride + " does not fit in " + data.length + " bytes from " + offset);
            }
        }

        @Override
        public void row(int y, RowView view) {
            view.array = data;
            view.offset = offset + y * rowStride;
        }
    }
}
