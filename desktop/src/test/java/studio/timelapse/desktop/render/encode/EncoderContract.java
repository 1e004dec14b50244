package studio.timelapse.desktop.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every encoder must do, checked on the files it writes with ffprobe and ffmpeg: a concrete test per encoder
 * supplies the factory.
 */
abstract class EncoderContract {
    /** PSNR of our smooth test frames at the default quality, decoded by ffmpeg: see docs/rendering.md. */
    static final double DEFAULT_QUALITY_PSNR_FLOOR = 35;

    @TempDir
    Path folder;

    abstract EncoderFactory factory();

    @Test
    void writesAnHdVideoThatOrdinaryToolsReadWithItsSizeFramesDurationAndColourTags() throws Exception {
        TestFrames source = new TestFrames(1280, 720);
        Path file = encode(EncoderSettings.of(1280, 720, FrameRate.of(25)), source, 10);

        DecodedVideo video = DecodedVideo.of(file);
        assertThat(video.text("codec_name")).isEqualTo("h264");
        assertThat(video.text("pix_fmt")).isEqualTo("yuv420p");
        assertThat(video.width).isEqualTo(1280);
        assertThat(video.height).isEqualTo(720);
        assertThat(video.text("r_frame_rate")).isEqualTo("25/1");
        assertThat(video.duration()).isEqualTo(0.4, within(1e-9));
        assertThat(video.presentationTimes).containsExactly(0.0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36);
        assertThat(video.keyFrames.get(0)).isTrue();
        assertThat(video.text("color_space")).isEqualTo("bt709");
        assertThat(video.text("color_primaries")).isEqualTo("bt709");
        assertThat(video.text("color_transfer")).isEqualTo("bt709");
        assertThat(video.text("color_range")).isEqualTo("tv");
        for (int i = 0; i < 10; i++) {
            assertThat(video.psnr(i, source.rgb(i))).as("PSNR of frame %d", i)
                    .isGreaterThan(DEFAULT_QUALITY_PSNR_FLOOR);
        }
    }

    @Test
    void tagsStandardDefinitionWithTheBt601MatrixAndDecodesToTheSameColours() throws Exception {
        TestFrames source = new TestFrames(640, 360);
        Path file = encode(EncoderSettings.of(640, 360, FrameRate.of(25)), source, 4);

        DecodedVideo video = DecodedVideo.of(file);
        assertThat(video.text("color_space")).isEqualTo("smpte170m");
        assertThat(video.text("color_range")).isEqualTo("tv");
        for (int i = 0; i < 4; i++) {
            assertThat(video.psnr(i, source.rgb(i))).isGreaterThan(DEFAULT_QUALITY_PSNR_FLOOR);
        }
    }

    /**
     * Catches a wrong matrix, weight (JCodec's own converter takes 15/256 of blue for luma where BT.601 takes 29) or
     * range tag: each is off by 10 codes or more somewhere. Each colour is a key frame at quality 90, so that
     * quantisation stays below the tolerance (JCodec's flat frames come out up to 2 codes off at the default quality,
     * and a P frame between two flat colours up to 4).
     */
    @Test
    void pureColoursDecodeBackAsThemselves() throws Exception {
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff, 0x808080, 0xffffff, 0x000000, 0xffff00, 0x3366cc};
        for (ColourRange range : ColourRange.values()) {
            EncoderSettings settings = EncoderSettings.of(320, 240, FrameRate.of(25)).withQuality(90)
                    .withKeyFrameInterval(1).withColour(ColourSpace.BT709, range);
            Path file = folder.resolve("colours-" + range + ".mp4");
            try (VideoEncoder encoder = factory().open(settings, file)) {
                for (int i = 0; i < colours.length; i++) {
                    encoder.encode(TestFrames.flat(i, 320, 240, colours[i]));
                }
                encoder.finish();
            }
            DecodedVideo video = DecodedVideo.of(file);
            assertThat(video.text("color_range")).isEqualTo(range == ColourRange.FULL ? "pc" : "tv");
            for (int i = 0; i < colours.length; i++) {
                double[] mean = video.meanColour(i);
                assertThat(mean).as("colour %06x in %s range", colours[i], range).containsExactly(
                        new double[] {(colours[i] >> 16) & 0xff, (colours[i] >> 8) & 0xff, colours[i] & 0xff},
                        within(5.0));
            }
        }
    }

    @Test
    void aHigherQualityGivesALargerFileAndABetterPicture() throws Exception {
        TestFrames source = new TestFrames(480, 270);
        List<Long> sizes = new ArrayList<>();
        List<Double> psnrs = new ArrayList<>();
        for (int quality : new int[] {10, 40, 70, 95}) {
            Path file = encode(EncoderSettings.of(480, 270, FrameRate.of(25)).withQuality(quality), source, 6,
                    "quality-" + quality + ".mp4");
            sizes.add(Files.size(file));
            DecodedVideo video = DecodedVideo.of(file);
            psnrs.add(video.psnr(5, source.rgb(5)));
        }
        assertThat(sizes).isSorted().doesNotHaveDuplicates();
        assertThat(psnrs).isSorted();
    }

    @Test
    void refusesAFrameOutOfOrderOrOfAnotherSize() throws Exception {
        EncoderSettings settings = EncoderSettings.of(320, 240, FrameRate.of(25));
        TestFrames source = new TestFrames(320, 240);
        try (VideoEncoder encoder = factory().open(settings, folder.resolve("order.mp4"))) {
            encoder.encode(source.frame(0));
            assertThatThrownBy(() -> encoder.encode(source.frame(2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame 1 was due");
            assertThatThrownBy(() -> encoder.encode(new TestFrames(322, 240).frame(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("322x240")
                    .hasMessageContaining("320x240");
        }
    }

    @Test
    void anEncoderClosedWithoutFinishingLeavesNoFile() throws Exception {
        Path file = folder.resolve("abandoned.mp4");
        TestFrames source = new TestFrames(320, 240);
        try (VideoEncoder encoder = factory().open(EncoderSettings.of(320, 240, FrameRate.of(25)), file)) {
            encoder.encode(source.frame(0));
            encoder.encode(source.frame(1));
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void reportsWhatItWrote() throws Exception {
        Path file = folder.resolve("report.mp4");
        EncoderSettings settings = EncoderSettings.of(320, 240, new FrameRate(30000, 1001));
        TestFrames source = new TestFrames(320, 240);
        EncodedStream stream;
        try (VideoEncoder encoder = factory().open(settings, file)) {
            for (int i = 0; i < 3; i++) {
                encoder.encode(source.frame(i));
            }
            stream = encoder.finish();
        }
        assertThat(stream.file()).isEqualTo(file);
        assertThat(stream.encoder()).isEqualTo(factory().name());
        assertThat(stream.frames()).isEqualTo(3);
        assertThat(stream.duration()).isEqualTo(java.time.Duration.ofNanos(100_100_000));
        assertThat(stream.bytes()).isEqualTo(Files.size(file));
        DecodedVideo video = DecodedVideo.of(file);
        assertThat(video.text("r_frame_rate")).isEqualTo("30000/1001");
        assertThat(video.duration()).isEqualTo(0.1001, within(1e-4));
    }

    Path encode(EncoderSettings settings, TestFrames source, int frames) throws Exception {
        return encode(settings, source, frames, "video.mp4");
    }

    Path encode(EncoderSettings settings, TestFrames source, int frames, String name) throws Exception {
        Path file = folder.resolve(name);
        try (VideoEncoder encoder = factory().open(settings, file)) {
            for (int i = 0; i < frames; i++) {
                encoder.encode(source.frame(i));
            }
            encoder.finish();
        }
        return file;
    }
}
