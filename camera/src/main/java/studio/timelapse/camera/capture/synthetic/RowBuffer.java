package studio.timelapse.camera.capture.synthetic;

/** One row of linear radiance and the material of each pixel: the scratch space a frame is rendered through. */
final class RowBuffer {
    final float[] red;
    final float[] green;
    final float[] blue;
    final byte[] material;
    /** How much cloud covers each sky pixel, 0–1. */
    final float[] cloudCover;
    /** Cloud density or the land's texture along the row, 0–1. */
    final float[] texture;

    RowBuffer(int width) {
        texture = new float[width];
        cloudCover = new float[width];
        red = new float[width];
        green = new float[width];
        blue = new float[width];
        material = new byte[width];
    }
}
