package studio.timelapse.desktop.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RgbToYuv420Test {

    @Test
    void primaryColoursLandOnTheBt709CodesInLimitedRange() {
        RgbToYuv420 converter = new RgbToYuv420(ColourSpace.BT709, ColourRange.LIMITED);
        // ITU-R BT.709 with 8-bit studio range: Y 16–235, Cb/Cr 16–240.
        assertThat(yuv(converter, 0xffffff)).containsExactly(235, 128, 128);
        assertThat(yuv(converter, 0x000000)).containsExactly(16, 128, 128);
        assertThat(yuv(converter, 0xff0000)).containsExactly(63, 102, 240);
        assertThat(yuv(converter, 0x00ff00)).containsExactly(173, 42, 26);
        assertThat(yuv(converter, 0x0000ff)).containsExactly(32, 240, 118);
        assertThat(yuv(converter, 0x808080)).containsExactly(126, 128, 128);
    }

    @Test
    void standardDefinitionUsesTheBt601Weights() {
        RgbToYuv420 converter = new RgbToYuv420(ColourSpace.BT601, ColourRange.LIMITED);
        assertThat(yuv(converter, 0xff0000)).containsExactly(81, 90, 240);
        assertThat(yuv(converter, 0x0000ff)).containsExactly(41, 240, 110);
    }

    @Test
    void fullRangeSpansEveryCodeAndClampsTheExtremes() {
        RgbToYuv420 converter = new RgbToYuv420(ColourSpace.BT709, ColourRange.FULL);
        assertThat(yuv(converter, 0xffffff)).containsExactly(255, 128, 128);
        assertThat(yuv(converter, 0x000000)).containsExactly(0, 128, 128);
        assertThat(yuv(converter, 0x0000ff)).containsExactly(18, 255, 116);   // Cb 255.5, not wrapped to 0
        assertThat(yuv(converter, 0xff0000)).containsExactly(54, 99, 255);
    }

    @Test
    void everyRgbLayoutConvertsAlike() {
        TestFrames source = new TestFrames(38, 22);
        int[] pixels = source.rgb(3);
        byte[] bytes = new byte[pixels.length * 3];
        for (int i = 0; i < pixels.length; i++) {
            bytes[3 * i] = (byte) (pixels[i] >> 16);
            bytes[3 * i + 1] = (byte) (pixels[i] >> 8);
            bytes[3 * i + 2] = (byte) pixels[i];
        }
        RgbToYuv420 converter = new RgbToYuv420(ColourSpace.BT601, ColourRange.LIMITED);
        VideoFrame fromInts = converter.convert(VideoFrame.ofIntRgb(0, 38, 22, pixels));
        VideoFrame fromBytes = converter.convert(VideoFrame.ofByteRgb(0, 38, 22, bytes));
        assertThat(fromBytes.y()).isEqualTo(fromInts.y());
        assertThat(fromBytes.u()).isEqualTo(fromInts.u());
        assertThat(fromBytes.v()).isEqualTo(fromInts.v());
    }

    @Test
    void chromaIsSitedOnTheEvenColumnsAsH264Assumes() {
        // A red column at x = 3 among black. Chroma samples sit at x = 0, 2, 4, 6; with the [1 2 1] filter the odd
        // column is a quarter of both its neighbours' samples (x = 2 and x = 4) and nothing of the others. A 2x2
        // average would put half of it into x = 2's sample and none into x = 4's: colour half a pixel to the left.
        int[] pixels = new int[8 * 2];
        pixels[3] = 0xff0000;
        pixels[8 + 3] = 0xff0000;
        VideoFrame yuv = new RgbToYuv420(ColourSpace.BT709, ColourRange.LIMITED)
                .convert(VideoFrame.ofIntRgb(0, 8, 2, pixels));
        int[] cr = new int[4];
        for (int i = 0; i < 4; i++) {
            cr[i] = yuv.v()[i] & 0xff;
        }
        assertThat(cr[0]).isEqualTo(128);
        assertThat(cr[1]).isEqualTo(cr[2]).isGreaterThan(128);
        assertThat(cr[3]).isEqualTo(128);
    }

    @Test
    void oddSizesRepeatTheLastRowAndColumn() {
        int[] pixels = new int[3 * 3];
        java.util.Arrays.fill(pixels, 0x00ff00);
        VideoFrame yuv = new RgbToYuv420(ColourSpace.BT709, ColourRange.LIMITED)
                .convert(VideoFrame.ofIntRgb(0, 3, 3, pixels));
        assertThat(yuv.u()).hasSize(4).containsOnly((byte) 42);
        assertThat(yuv.v()).containsOnly((byte) 26);
    }

    @Test
    void refusesPlanesThatAreTooSmall() {
        RgbToYuv420 converter = new RgbToYuv420(ColourSpace.BT709, ColourRange.LIMITED);
        VideoFrame frame = VideoFrame.ofIntRgb(0, 4, 4, new int[16]);
        assertThatThrownBy(() -> converter.convert(frame, new byte[16], new byte[3], new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x4");
    }

    private static int[] yuv(RgbToYuv420 converter, int rgb) {
        VideoFrame frame = converter.convert(TestFrames.flat(0, 2, 2, rgb));
        return new int[] {frame.y()[0] & 0xff, frame.u()[0] & 0xff, frame.v()[0] & 0xff};
    }
}
