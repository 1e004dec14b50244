package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.render.encode.ColourRange;
import studio.timelapse.desktop.render.encode.ColourSpace;
import studio.timelapse.desktop.render.encode.RgbToYuv420;
import studio.timelapse.desktop.render.encode.VideoFrame;

/** The one-matrix path against the two conversions it replaces: JPEG YCbCr → RGB (with gain) → the encoder's YUV. */
class YcbcrToYuv420Test {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    /** 4:2:0 planes of a JPEG made from random in-gamut colours, chroma at half size as the scaler leaves it. */
    private static byte[][] randomPlanes(long seed) {
        Random random = new Random(seed);
        byte[][] planes = {new byte[WIDTH * HEIGHT], new byte[WIDTH * HEIGHT / 4], new byte[WIDTH * HEIGHT / 4]};
        for (int cy = 0; cy < HEIGHT / 2; cy++) {
            for (int cx = 0; cx < WIDTH / 2; cx++) {
                // One colour per 2x2 block, its luma varied a little per pixel: in gamut, as a camera's frames are.
                int r = random.nextInt(200) + 20;
                int g = random.nextInt(200) + 20;
                int b = random.nextInt(200) + 20;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                planes[1][cy * WIDTH / 2 + cx] = (byte) Math.round(128 + (b - luma) / 1.772);
                planes[2][cy * WIDTH / 2 + cx] = (byte) Math.round(128 + (r - luma) / 1.402);
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        planes[0][(2 * cy + dy) * WIDTH + 2 * cx + dx] = (byte) Math.round(luma + random.nextInt(11)
                                - 5);
                    }
                }
            }
        }
        return planes;
    }

    /** What the RGB path makes of the same planes. */
    private static YuvPlanes viaRgb(byte[][] planes, ColourModel colour, double gain, ColourSpace space,
            ColourRange range) {
        int[] rgb = new int[WIDTH * HEIGHT];
        new RgbConverter().convert(planes, colour, true, gain, rgb, WIDTH, 0, 0, WIDTH, HEIGHT);
        YuvPlanes out = YuvPlanes.of(new FrameSize(WIDTH, HEIGHT));
        new RgbToYuv420(space, range).convert(VideoFrame.ofIntRgb(0, WIDTH, HEIGHT, rgb), out.y(), out.u(), out.v());
        return out;
    }

    private static YuvPlanes direct(byte[][] planes, ColourModel colour, double gain, ColourSpace space,
            ColourRange range) {
        YuvPlanes out = YuvPlanes.of(new FrameSize(WIDTH, HEIGHT));
        new YcbcrToYuv420(space, range).convert(planes, colour, gain, out, WIDTH, 0, 0, WIDTH, HEIGHT);
        return out;
    }

    private static int maxDifference(byte[] a, byte[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
        }
        return max;
    }

    @Test
    void givesWhatTheTwoConversionsGiveForEveryTargetAndGainWithinRounding() {
        for (ColourSpace space : ColourSpace.values()) {
            for (ColourRange range : ColourRange.values()) {
                for (double gain : new double[] {1.0, 0.6, 1.1}) {
                    byte[][] planes = randomPlanes(7);
                    YuvPlanes expected = viaRgb(planes, ColourModel.YCBCR_FULL, gain, space, range);
                    YuvPlanes actual = direct(planes, ColourModel.YCBCR_FULL, gain, space, range);
                    String what = space + " " + range + " gain " + gain;
                    assertThat(maxDifference(actual.y(), expected.y())).as("Y, " + what).isLessThanOrEqualTo(1);
                    assertThat(maxDifference(actual.u(), expected.u())).as("U, " + what).isLessThanOrEqualTo(1);
                    assertThat(maxDifference(actual.v(), expected.v())).as("V, " + what).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void limitedRangeSourcesAndGreySourcesConvertAsTheRgbPathDoes() {
        byte[][] planes = randomPlanes(11);
        for (int i = 0; i < planes[0].length; i++) {
            planes[0][i] = (byte) (16 + (planes[0][i] & 0xff) * 219 / 255);
        }
        for (int c = 1; c <= 2; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = (byte) (128 + ((planes[c][i] & 0xff) - 128) * 224 / 255);
            }
        }
        YuvPlanes expected = viaRgb(planes, ColourModel.YCBCR_LIMITED, 0.9, ColourSpace.BT709, ColourRange.LIMITED);
        YuvPlanes actual = direct(planes, ColourModel.YCBCR_LIMITED, 0.9, ColourSpace.BT709, ColourRange.LIMITED);
        assertThat(maxDifference(actual.y(), expected.y())).isLessThanOrEqualTo(1);
        assertThat(maxDifference(actual.u(), expected.u())).isLessThanOrEqualTo(1);
        assertThat(maxDifference(actual.v(), expected.v())).isLessThanOrEqualTo(1);

        byte[][] grey = {randomPlanes(3)[0], null, null};
        YuvPlanes greyOut = direct(grey, ColourModel.GRAY, 1, ColourSpace.BT709, ColourRange.LIMITED);
        for (int i = 0; i < grey[0].length; i++) {
            assertThat(greyOut.y()[i] & 0xff).isCloseTo(16 + Math.round((grey[0][i] & 0xff) * 219 / 255f),
                    org.assertj.core.data.Offset.offset(1));
        }
        assertThat(greyOut.u()).containsOnly((byte) 128);
        assertThat(greyOut.v()).containsOnly((byte) 128);
    }

    @Test
    void aGainThatPushesWhitePastTheTopClipsToTheRangesWhite() {
        byte[][] planes = {new byte[WIDTH * HEIGHT], new byte[WIDTH * HEIGHT / 4], new byte[WIDTH * HEIGHT / 4]};
        java.util.Arrays.fill(planes[0], (byte) 250);
        java.util.Arrays.fill(planes[1], (byte) 128);
        java.util.Arrays.fill(planes[2], (byte) 128);
        YuvPlanes out = direct(planes, ColourModel.YCBCR_FULL, 1.5, ColourSpace.BT709, ColourRange.LIMITED);
        assertThat(out.y()).containsOnly((byte) 235);
        assertThat(out.u()).containsOnly((byte) 128);
        assertThat(out.v()).containsOnly((byte) 128);
    }

    @Test
    void chromaIsSitedOnTheEvenColumnsLikeTheRgbPaths() {
        // A sharp colour edge between chroma columns 15 and 16: output column 16 sits on luma column 32, a quarter of
        // a chroma sample left of the source sample's centre, so a quarter of it comes from the left colour, as with
        // H.264's default siting (and RgbToYuv420's [1 2 1] filter).
        byte[][] planes = {new byte[WIDTH * HEIGHT], new byte[WIDTH * HEIGHT / 4], new byte[WIDTH * HEIGHT / 4]};
        java.util.Arrays.fill(planes[0], (byte) 128);
        for (int i = 0; i < planes[1].length; i++) {
            planes[1][i] = (byte) (i % (WIDTH / 2) < 16 ? 88 : 168);
            planes[2][i] = (byte) 128;
        }
        YuvPlanes out = direct(planes, ColourModel.YCBCR_FULL, 1, ColourSpace.BT601, ColourRange.FULL);
        assertThat(out.u()[15] & 0xff).isEqualTo(88);
        assertThat(out.u()[16] & 0xff).isEqualTo(148);
        assertThat(out.u()[17] & 0xff).isEqualTo(168);
        YuvPlanes expected = viaRgb(planes, ColourModel.YCBCR_FULL, 1, ColourSpace.BT601, ColourRange.FULL);
        assertThat(maxDifference(out.u(), expected.u())).isLessThanOrEqualTo(1);
    }
}
