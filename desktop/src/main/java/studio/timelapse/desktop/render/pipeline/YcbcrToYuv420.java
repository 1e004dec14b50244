package studio.timelapse.desktop.render.pipeline;

import studio.timelapse.desktop.render.encode.ColourRange;
import studio.timelapse.desktop.render.encode.ColourSpace;

/**
 * Turns the scaled planes of a JPEG (BT.601 YCbCr) straight into an encoder's planar YUV 4:2:0, with the frame's
 * deflicker gain folded in: one 3x3 matrix where the RGB path converts twice (YCbCr → RGB for the look, RGB → YUV for
 * the encoder). The matrix is the product of those two conversions and the gain, so a frame comes out as the RGB path
 * would make it, but for rounding and where the RGB path clips a channel (a colour pushed past white by a gain above
 * 1): here Y and chroma clip to their own range instead.
 *
 * <p>Chroma is sited as {@link studio.timelapse.desktop.render.encode.RgbToYuv420} sites it (H.264's default, on the
 * even luma columns): the scaled chroma samples are centred on their 2x2 block, so each output sample is the [1 3]/4
 * blend of the sample to its left and its own, as the RGB path's [1 2 1] filter over nearest-upsampled chroma gives.
 * Luma takes its chroma terms (the 601 → 709 change of weights) from the block's chroma sample, as the RGB path does.
 *
 * <p>Fixed point with per-frame lookup tables. Not thread-safe: one per worker.
 */
final class YcbcrToYuv420 {
    private static final int SHIFT = 16;
    private static final int ROUND = 1 << (SHIFT - 1);
    private static final double SOURCE_KR = 0.299;
    private static final double SOURCE_KB = 0.114;

    private final ColourSpace space;
    private final ColourRange range;
    private final int[] yFromY = new int[256];
    private final int[] yFromCb = new int[256];
    private final int[] yFromCr = new int[256];
    private final int[] uFromCb = new int[256];
    private final int[] uFromCr = new int[256];
    private final int[] vFromCb = new int[256];
    private final int[] vFromCr = new int[256];
    private final int[] lumaOf = new int[256];
    private final int lumaLow;
    private final int lumaHigh;
    private final int chromaLow;
    private final int chromaHigh;
    private final byte[] black;

    YcbcrToYuv420(ColourSpace space, ColourRange range) {
        this.space = space;
        this.range = range;
        boolean limited = range == ColourRange.LIMITED;
        lumaLow = limited ? 16 : 0;
        lumaHigh = limited ? 235 : 255;
        chromaLow = limited ? 16 : 0;
        chromaHigh = limited ? 240 : 255;
        black = new byte[] {(byte) lumaLow, (byte) 128, (byte) 128};
    }

    /** Y, U and V of black in the target range: what bars are filled with. */
    byte[] black() {
        return black.clone();
    }

    /**
     * Fills the rectangle {@code (x, y, width, height)} of {@code out} from the same rectangle of {@code planes}: Y
     * with rows of {@code stride}, and the half-size rectangle of U and V (rows of {@code stride / 2}) from planes 1
     * and 2, which hold it at half size too. x, y, width, height and stride are even.
     *
     * @param colour the source's model: YCbCr (full or limited range) or grey (planes 1 and 2 are then not read)
     * @return the mean BT.601 luma (0–255) of the picture, gain applied, as {@link RgbConverter#meanLuma} measures it
     */
    double convert(byte[][] planes, ColourModel colour, double gain, YuvPlanes out, int stride, int x, int y,
            int width, int height) {
        tables(colour, gain);
        byte[] ys = planes[0];
        byte[] outY = out.y();
        int chromaStride = stride / 2;
        if (colour == ColourModel.GRAY) {
            for (int row = y; row < y + height; row++) {
                for (int i = row * stride + x, end = i + width; i < end; i++) {
                    outY[i] = clamp((yFromY[ys[i] & 0xff] + yFromCb[128] + yFromCr[128]) >> SHIFT, lumaLow, lumaHigh);
                }
            }
            int neutral = clamp((uFromCb[128] + uFromCr[128]) >> SHIFT, chromaLow, chromaHigh);
            for (int row = y / 2; row < (y + height) / 2; row++) {
                int at = row * chromaStride + x / 2;
                java.util.Arrays.fill(out.u(), at, at + width / 2, (byte) neutral);
                java.util.Arrays.fill(out.v(), at, at + width / 2, (byte) neutral);
            }
            return meanLuma(ys, stride, x, y, width, height);
        }
        byte[] cbs = planes[1];
        byte[] crs = planes[2];
        for (int row = y; row < y + height; row++) {
            int c = (row / 2) * chromaStride + x / 2;
            for (int i = row * stride + x, end = i + width; i < end; i += 2, c++) {
                int chroma = yFromCb[cbs[c] & 0xff] + yFromCr[crs[c] & 0xff];
                outY[i] = clamp((yFromY[ys[i] & 0xff] + chroma) >> SHIFT, lumaLow, lumaHigh);
                outY[i + 1] = clamp((yFromY[ys[i + 1] & 0xff] + chroma) >> SHIFT, lumaLow, lumaHigh);
            }
        }
        byte[] outU = out.u();
        byte[] outV = out.v();
        for (int row = y / 2; row < (y + height) / 2; row++) {
            int first = row * chromaStride + x / 2;
            int end = first + width / 2;
            int leftCb = cbs[first] & 0xff;
            int leftCr = crs[first] & 0xff;
            for (int c = first; c < end; c++) {
                int cb = cbs[c] & 0xff;
                int cr = crs[c] & 0xff;
                int sitedCb = (leftCb + 3 * cb + 2) >> 2;
                int sitedCr = (leftCr + 3 * cr + 2) >> 2;
                outU[c] = clamp((uFromCb[sitedCb] + uFromCr[sitedCr]) >> SHIFT, chromaLow, chromaHigh);
                outV[c] = clamp((vFromCb[sitedCb] + vFromCr[sitedCr]) >> SHIFT, chromaLow, chromaHigh);
                leftCb = cb;
                leftCr = cr;
            }
        }
        return meanLuma(ys, stride, x, y, width, height);
    }

    /** The matrix for this frame's gain, as tables of each input code's share of each output (offsets included). */
    private void tables(ColourModel colour, double gain) {
        boolean sourceLimited = colour == ColourModel.YCBCR_LIMITED;
        double sourceLuma = sourceLimited ? 255.0 / 219 : 1;
        double sourceChroma = sourceLimited ? 255.0 / 224 : 1;
        int sourceOffset = sourceLimited ? 16 : 0;
        double[] fromLuma = toTarget(1, 0, 0, gain);
        double[] fromCb = toTarget(0, 1, 0, gain);
        double[] fromCr = toTarget(0, 0, 1, gain);
        boolean limited = range == ColourRange.LIMITED;
        double lumaScale = limited ? 219.0 / 255 : 1;
        double chromaScale = limited ? 224.0 / 255 : 1;
        double one = 1 << SHIFT;
        int lumaOffset = (int) Math.round(((limited ? 16 : 0)) * one) + ROUND;
        int chromaOffset = (int) Math.round(128 * one) + ROUND;
        for (int v = 0; v < 256; v++) {
            double luma = sourceLuma * (v - sourceOffset);
            double chroma = sourceChroma * (v - 128);
            yFromY[v] = (int) Math.round(one * lumaScale * fromLuma[0] * luma) + lumaOffset;
            yFromCb[v] = (int) Math.round(one * lumaScale * fromCb[0] * chroma);
            yFromCr[v] = (int) Math.round(one * lumaScale * fromCr[0] * chroma);
            uFromCb[v] = (int) Math.round(one * chromaScale * fromCb[1] * chroma) + chromaOffset;
            uFromCr[v] = (int) Math.round(one * chromaScale * fromCr[1] * chroma);
            vFromCb[v] = (int) Math.round(one * chromaScale * fromCb[2] * chroma);
            vFromCr[v] = (int) Math.round(one * chromaScale * fromCr[2] * chroma) + chromaOffset;
            lumaOf[v] = (int) Math.min(255 * 1024, Math.round(1024 * gain * Math.max(0, luma)));
        }
    }

    /**
     * The target's (Y, Cb, Cr), in units of 0–255 without offsets, of a source sample (Y, Cb − 128, Cr − 128) in the
     * same units, times {@code gain}: BT.601 to R'G'B', then R'G'B' to the target's matrix.
     */
    private double[] toTarget(double luma, double cb, double cr, double gain) {
        double r = luma + 2 * (1 - SOURCE_KR) * cr;
        double b = luma + 2 * (1 - SOURCE_KB) * cb;
        double g = (luma - SOURCE_KR * r - SOURCE_KB * b) / (1 - SOURCE_KR - SOURCE_KB);
        r *= gain;
        g *= gain;
        b *= gain;
        double targetLuma = space.kr() * r + space.kg() * g + space.kb() * b;
        return new double[] {targetLuma, (b - targetLuma) / (2 * (1 - space.kb())),
            (r - targetLuma) / (2 * (1 - space.kr()))};
    }

    /** The mean of the source luma with the gain (clipped at 255), from every second pixel of every second row. */
    private double meanLuma(byte[] ys, int stride, int x, int y, int width, int height) {
        long sum = 0;
        long count = 0;
        for (int row = y; row < y + height; row += 2) {
            for (int i = row * stride + x, end = i + width; i < end; i += 2) {
                sum += lumaOf[ys[i] & 0xff];
                count++;
            }
        }
        return count == 0 ? 0 : sum / (1024.0 * count);
    }

    private static byte clamp(int value, int low, int high) {
        return (byte) (value < low ? low : Math.min(value, high));
    }
}
