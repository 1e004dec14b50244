package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JpegDecoderTest {
    @TempDir
    Path folder;

    static Stream<Arguments> decoders() {
        return Stream.of(
                Arguments.of("ffmpeg", (Supplier<JpegDecoder>) FfmpegJpegDecoder::open),
                Arguments.of("imageio", (Supplier<JpegDecoder>) ImageIoJpegDecoder::new));
    }

    private static void assumeAvailable(String name) {
        if (name.equals("ffmpeg")) {
            assumeThat(FfmpegJpegDecoder.unavailableReason()).as("FFmpeg libraries on this platform").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void aDecodedFrameRendersBackToTheColoursItWasWrittenWith(String name, Supplier<JpegDecoder> decoder)
            throws Exception {
        assumeAvailable(name);
        // Four quadrants: red, green, blue, grey.
        BufferedImage picture = TestJpegs.picture(320, 240, (x, y) -> x < 160 ? (y < 120 ? 0xd02020 : 0x20c040)
                : (y < 120 ? 0x2040d0 : 0x808080));
        Path file = TestJpegs.write(folder.resolve("quadrants.jpg"), picture);
        int[] pixels = render(decoder, file, 320, 240);
        assertClose(pixels[60 * 320 + 80], 0xd02020);
        assertClose(pixels[180 * 320 + 80], 0x20c040);
        assertClose(pixels[60 * 320 + 240], 0x2040d0);
        assertClose(pixels[180 * 320 + 240], 0x808080);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void aCameraStyleExifJpegDecodesLikeItsJfifTwin(String name, Supplier<JpegDecoder> decoder) throws Exception {
        assumeAvailable(name);
        BufferedImage picture = TestJpegs.picture(64, 48, (x, y) -> (x * 4) << 16 | (y * 5) << 8 | 0x40);
        byte[] jfif = TestJpegs.bytes(picture, 0.95f);
        Path jfifFile = Files.write(folder.resolve("jfif.jpg"), jfif);
        Path exifFile = Files.write(folder.resolve("exif.jpg"), TestJpegs.asExif(jfif));
        assertThat(render(decoder, exifFile, 64, 48)).isEqualTo(render(decoder, jfifFile, 64, 48));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void aGreyscaleJpegDecodesToGrey(String name, Supplier<JpegDecoder> decoder) throws Exception {
        assumeAvailable(name);
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 64, 48, 0, filled(64 * 48, 150));
        Path file = TestJpegs.write(folder.resolve("grey.jpg"), grey);
        int[] pixels = render(decoder, file, 64, 48);
        assertClose(pixels[24 * 64 + 32], 0x969696);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void damagedFilesAreRefusedWithAReasonNotDecodedIntoGreyBlocks(String name, Supplier<JpegDecoder> decoder)
            throws Exception {
        assumeAvailable(name);
        byte[] jpeg = TestJpegs.bytes(TestJpegs.picture(320, 240, (x, y) -> x * y), 0.95f);
        Path half = Files.write(folder.resolve("half.jpg"), TestJpegs.truncated(jpeg, 0.5));
        Path empty = Files.write(folder.resolve("empty.jpg"), new byte[0]);
        Path garbage = Files.write(folder.resolve("garbage.jpg"), new byte[5000]);
        try (JpegDecoder d = decoder.get()) {
            for (Path file : new Path[] {half, empty, garbage}) {
                assertThatThrownBy(() -> d.decode(file, 1)).as(file.getFileName().toString())
                        .isInstanceOf(UndecodableFrameException.class)
                        .satisfies(e -> assertThat(((UndecodableFrameException) e).layoutOnly()).isFalse())
                        .hasMessageNotContaining("null");
            }
            // And the decoder is still good for the next, sound file.
            Path sound = Files.write(folder.resolve("sound.jpg"), jpeg);
            assertThat(d.decode(sound, 1).width()).isEqualTo(320);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void aMissingFileIsAnIoErrorNamingIt(String name, Supplier<JpegDecoder> decoder) {
        assumeAvailable(name);
        try (JpegDecoder d = decoder.get()) {
            assertThatThrownBy(() -> d.decode(folder.resolve("gone.jpg"), 1)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("gone.jpg");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void aReducedDecodeIsSmallerAndKeepsTheMeanBrightness(String name, Supplier<JpegDecoder> decoder)
            throws Exception {
        assumeAvailable(name);
        Path file = TestJpegs.write(folder.resolve("gradient.jpg"),
                TestJpegs.picture(320, 240, (x, y) -> ((x * 255 / 319) * 0x010101)));
        try (JpegDecoder d = decoder.get()) {
            DecodedImage full = d.decode(file, 1);
            double fullLuma = LumaMeter.mean(full);
            DecodedImage eighth = d.decode(file, 8);
            assertThat(eighth.reduction()).isEqualTo(8);
            assertThat(eighth.width()).isEqualTo(40);
            assertThat(eighth.height()).isEqualTo(30);
            assertThat(LumaMeter.mean(eighth)).isCloseTo(fullLuma, org.assertj.core.data.Offset.offset(3.0));
            assertThat(fullLuma).isCloseTo(127.5, org.assertj.core.data.Offset.offset(3.0));
        }
    }

    @Test
    void imageIoTakesTheRawYCbCrPathOnlyWhenTheMarkersSaySo() throws Exception {
        byte[] jfif = TestJpegs.bytes(TestJpegs.solid(32, 32, 0x336699), 0.9f);
        assertThat(ImageIoJpegDecoder.isYCbCr(metadata(jfif))).isTrue();
        assertThat(ImageIoJpegDecoder.isYCbCr(metadata(TestJpegs.asExif(jfif)))).isTrue();
        assertThat(ImageIoJpegDecoder.isYCbCr(metadata(TestJpegs.withoutMarkers(jfif)))).isFalse();
    }

    @Test
    void imageIoConvertsAJpegWithoutMarkersItselfAndGetsTheSameColours() throws Exception {
        byte[] jfif = TestJpegs.bytes(TestJpegs.solid(32, 32, 0x336699), 0.95f);
        Path file = Files.write(folder.resolve("bare.jpg"), TestJpegs.withoutMarkers(jfif));
        int[] pixels = render(ImageIoJpegDecoder::new, file, 32, 32);
        assertClose(pixels[16 * 32 + 16], 0x336699);
    }

    private static javax.imageio.metadata.IIOMetadata metadata(byte[] jpeg) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.getImageMetadata(0);
        } finally {
            reader.dispose();
        }
    }

    /** Decodes and renders {@code file} at its own size through the real renderer. */
    static int[] render(Supplier<JpegDecoder> decoder, Path file, int width, int height) throws Exception {
        FrameSize size = new FrameSize(width, height);
        try (FrameRenderer renderer = new FrameRenderer(decoder.get(), null, size, Framing.FIT,
                java.util.Optional.empty(), 1, false)) {
            int[] pixels = new int[size.pixels()];
            renderer.render(SourceFrame.of(file), 0, 1, pixels);
            return pixels;
        }
    }

    static void assertClose(int actual, int expected) {
        int[] a = TestJpegs.channels(actual);
        int[] e = TestJpegs.channels(expected);
        for (int c = 0; c < 3; c++) {
            assertThat(a[c]).as("channel %d of %06x (expected %06x)", c, actual, expected).isCloseTo(e[c],
                    org.assertj.core.data.Offset.offset(6));
        }
    }

    private static int[] filled(int count, int value) {
        int[] values = new int[count];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
