package studio.timelapse.desktop.render.pipeline;

/**
 * Turns scaled planes into {@code 0xRRGGBB} pixels, multiplying by the frame's deflicker gain on the way: the gain
 * costs nothing here, since YCbCr → RGB is linear and the gain folds into its coefficients. Fixed point, with per-frame
 * lookup tables; values clamp to 0–255.
 *
 * <p>JPEG's YCbCr is BT.601 over the full range (JFIF): R = Y + 1.402 (Cr − 128), G = Y − 0.344136 (Cb − 128) −
 * 0.714136 (Cr − 128), B = Y + 1.772 (Cb − 128).
 */
final class RgbConverter {
    private static final int SHIFT = 16;
    private static final int ROUND = 1 << (SHIFT - 1);

    private final int[] luma = new int[256];
    private final int[] crToR = new int[256];
    private final int[] cbToG = new int[256];
    private final int[] crToG = new int[256];
    private final int[] cbToB = new int[256];

    /**
     * Fills the rectangle {@code (x, y, width, height)} of {@code out} (rows of {@code stride} pixels) from the same
     * rectangle of {@code planes}, which have the same stride; with {@code halfChroma}, planes 1 and 2 (Cb and Cr) hold
     * the rectangle at half size, {@code (x/2, y/2, width/2, height/2)} in rows of {@code stride/2}, and each chroma
     * sample serves a 2x2 block of pixels (x, y, width, height and stride are then even).
     */
    void convert(byte[][] planes, ColourModel colour, boolean halfChroma, double gain, int[] out, int stride, int x,
            int y, int width, int height) {
        if (halfChroma && (colour == ColourModel.YCBCR_FULL || colour == ColourModel.YCBCR_LIMITED)) {
            tables(colour, gain);
            ycbcrHalfChroma(planes, out, stride, x, y, width, height);
            return;
        }
        if (halfChroma) {
            throw new IllegalArgumentException("only YCbCr has chroma planes to subsample, not " + colour);
        }
        switch (colour) {
            case YCBCR_FULL, YCBCR_LIMITED -> {
                tables(colour, gain);
                ycbcr(planes, out, stride, x, y, width, height);
            }
            case RGB -> rgb(planes[0], planes[1], planes[2], gain, out, stride, x, y, width, height);
            case BGR -> rgb(planes[2], planes[1], planes[0], gain, out, stride, x, y, width, height);
            case GRAY -> rgb(planes[0], planes[0], planes[0], gain, out, stride, x, y, width, height);
        }
    }

    private void tables(ColourModel colour, double gain) {
        boolean limited = colour == ColourModel.YCBCR_LIMITED;
        int lumaOffset = limited ? 16 : 0;
        double lumaScale = limited ? 255.0 / 219 : 1;
        double chromaScale = limited ? 255.0 / 224 : 1;
        double one = (1 << SHIFT) * gain;
        for (int v = 0; v < 256; v++) {
            luma[v] = (int) Math.round(one * lumaScale * (v - lumaOffset)) + ROUND;
            double chroma = one * chromaScale * (v - 128);
            crToR[v] = (int) Math.round(1.402 * chroma);
            cbToG[v] = (int) Math.round(-0.344136 * chroma);
            crToG[v] = (int) Math.round(-0.714136 * chroma);
            cbToB[v] = (int) Math.round(1.772 * chroma);
        }
    }

    private void ycbcr(byte[][] planes, int[] out, int stride, int x, int y, int width, int height) {
        byte[] ys = planes[0];
        byte[] cbs = planes[1];
        byte[] crs = planes[2];
        for (int row = y; row < y + height; row++) {
            for (int i = row * stride + x, end = i + width; i < end; i++) {
                out[i] = pixel(luma[ys[i] & 0xff], cbs[i] & 0xff, crs[i] & 0xff);
            }
        }
    }

    private void ycbcrHalfChroma(byte[][] planes, int[] out, int stride, int x, int y, int width, int height) {
        byte[] ys = planes[0];
        byte[] cbs = planes[1];
        byte[] crs = planes[2];
        int chromaStride = stride / 2;
        for (int row = y; row < y + height; row++) {
            int c = (row / 2) * chromaStride + x / 2;
            for (int i = row * stride + x, end = i + width; i < end; i += 2, c++) {
                int cb = cbs[c] & 0xff;
                int cr = crs[c] & 0xff;
                out[i] = pixel(luma[ys[i] & 0xff], cb, cr);
                out[i + 1] = pixel(luma[ys[i + 1] & 0xff], cb, cr);
            }
        }
    }

    private int pixel(int l, int cb, int cr) {
        return clamp((l + crToR[cr]) >> SHIFT) << 16 | clamp((l + cbToG[cb] + crToG[cr]) >> SHIFT) << 8
                | clamp((l + cbToB[cb]) >> SHIFT);
    }

    private void rgb(byte[] reds, byte[] greens, byte[] blues, double gain, int[] out, int stride, int x, int y,
            int width, int height) {
        for (int v = 0; v < 256; v++) {
            luma[v] = Math.min(255, (int) Math.round(v * gain));
        }
        for (int row = y; row < y + height; row++) {
            for (int i = row * stride + x, end = i + width; i < end; i++) {
                out[i] = luma[reds[i] & 0xff] << 16 | luma[greens[i] & 0xff] << 8 | luma[blues[i] & 0xff];
            }
        }
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    /**
     * The mean BT.601 luma (0–255) of the rectangle {@code (x, y, width, height)} of {@code pixels}, from every
     * second pixel of every second row: plenty for a mean, at a quarter of the cost.
     */
    static double meanLuma(int[] pixels, int stride, int x, int y, int width, int height) {
        long sum = 0;
        long count = 0;
        for (int row = y; row < y + height; row += 2) {
            for (int i = row * stride + x, end = i + width; i < end; i += 2) {
                int rgb = pixels[i];
                sum += 299L * ((rgb >> 16) & 0xff) + 587L * ((rgb >> 8) & 0xff) + 114L * (rgb & 0xff);
                count++;
            }
        }
        return count == 0 ? 0 : sum / (1000.0 * count);
    }
}
