package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.look.Region;
import studio.timelapse.shared.refusal.RefusedException;

class FramingTest {
    private static final FrameSize HD = SizePreset.P1080.resolve(0, 0);

    @TempDir
    Path folder;

    @Test
    void fittingFourThirdsIntoSixteenNinthsLeavesEvenBarsLeftAndRight() {
        Placement fit = Placement.of(4056, 3040, HD, Framing.FIT, Optional.empty(), 0, 1);
        assertThat(fit.source()).isEqualTo(Region.WHOLE);
        assertThat(fit.height()).isEqualTo(1080);
        assertThat(fit.width()).isEqualTo(1440);
        assertThat(fit.x()).isEqualTo(240);
        assertThat(fit.y()).isZero();
    }

    @Test
    void fittingAWidePanoramaLeavesBarsAboveAndBelow() {
        Placement fit = Placement.of(6000, 2000, HD, Framing.FIT, Optional.empty(), 0, 1);
        assertThat(fit.width()).isEqualTo(1920);
        assertThat(fit.height()).isEqualTo(640);
        assertThat(fit.y()).isEqualTo(220);
        assertThat(fit.x() % 2 + fit.y() % 2 + fit.width() % 2 + fit.height() % 2).isZero();
    }

    @Test
    void croppingFillsTheFrameWithTheMiddleOfTheSource() {
        Placement crop = Placement.of(4056, 3040, HD, Framing.CROP, Optional.empty(), 0, 1);
        assertThat(crop.fillsFrame(HD)).isTrue();
        assertThat(crop.source()).isEqualTo(Region.fullCrop(4056.0 / 3040, 16.0 / 9));
    }

    @Test
    void aFittedFrameHasBlackBarsAndThePictureBetweenThem() throws Exception {
        Path file = TestJpegs.write(folder.resolve("red.jpg"), TestJpegs.solid(400, 300, 0xc02020));
        FrameSize size = SizePreset.P720.resolve(0, 0);
        try (FrameRenderer renderer = new FrameRenderer(new ImageIoJpegDecoder(), null, size, Framing.FIT,
                Optional.empty(), 1, false)) {
            int[] pixels = new int[size.pixels()];
            java.util.Arrays.fill(pixels, 0x123456); // whatever the buffer held before
            double luma = renderer.render(SourceFrame.of(file), 0, 1, pixels);
            // 960x720 picture centred in 1280x720: bars of 160.
            assertThat(pixels[360 * 1280 + 10]).isZero();
            assertThat(pixels[360 * 1280 + 1270]).isZero();
            JpegDecoderTest.assertClose(pixels[360 * 1280 + 170], 0xc02020);
            JpegDecoderTest.assertClose(pixels[360 * 1280 + 640], 0xc02020);
            // The luma is the picture's, not diluted by the bars.
            assertThat(luma).isCloseTo(0.299 * 0xc0 + 0.587 * 0x20 + 0.114 * 0x20, org.assertj.core.data.Offset.offset(4.0));
        }
    }

    @Test
    void sizesAreNamedAsUsersWriteThem() {
        assertThat(SizePreset.parse("1080p").resolve(0, 0)).isEqualTo(new FrameSize(1920, 1080));
        assertThat(SizePreset.parse("4K")).isEqualTo(SizePreset.P2160);
        assertThat(SizePreset.parse("original").resolve(4057, 3041)).isEqualTo(new FrameSize(4056, 3040));
        assertThatThrownBy(() -> SizePreset.parse("1080")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("720p");
    }

    @Test
    void theReductionKeepsAtLeastTheOutputsPixelsAcrossThePlacedRegion() {
        assertThat(FrameRenderer.reductionFor(4056, 3040, 640, 480)).isEqualTo(4);
        assertThat(FrameRenderer.reductionFor(4056, 3040, 1440, 1080)).isEqualTo(2);
        assertThat(FrameRenderer.reductionFor(4056, 2281, 1920, 1080)).isEqualTo(2);
        assertThat(FrameRenderer.reductionFor(4056, 3040, 3840, 2160)).isEqualTo(1);
        assertThat(FrameRenderer.reductionFor(4056, 3040, 320, 240)).isEqualTo(8);
    }
}
