package studio.timelapse.desktop.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.encode.x264.X264LibraryFactory;
import studio.timelapse.desktop.render.look.TitleOverlay;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.desktop.render.pipeline.FramePipeline;
import studio.timelapse.desktop.render.pipeline.FrameStream;
import studio.timelapse.desktop.render.pipeline.PipelineSettings;
import studio.timelapse.desktop.render.pipeline.RenderedFrame;
import studio.timelapse.desktop.render.pipeline.SizePreset;
import studio.timelapse.desktop.render.pipeline.SourceFrame;
import studio.timelapse.desktop.render.pipeline.TestJpegs;
import studio.timelapse.desktop.render.pipeline.YuvFormat;
import studio.timelapse.desktop.render.pipeline.YuvPlanes;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The pipeline's YUV frames (one colour conversion) against its RGB frames (two), each encoded with x264 into a real
 * MP4 and decoded back by ffmpeg.
 */
class PipelineYuvVideoTest {
    /** Eight bars of 80 pixels, as a test card has them, over a grey ramp in the bottom quarter. */
    private static final int[] BARS = {0xffffff, 0xffff00, 0x00ffff, 0x00ff00, 0xff00ff, 0xff0000, 0x0000ff, 0x000000};

    @TempDir
    Path folder;
    private final RecordingLog recording = new RecordingLog();

    @AfterEach
    void closeLog() {
        recording.close();
    }

    private static int testCard(int x, int y, int frame) {
        if (y >= 360) {
            int grey = Math.min(255, x * 256 / 640);
            return grey << 16 | grey << 8 | grey;
        }
        int bar = BARS[x / 80];
        // A moving soft texture, so that the frames differ and the encoder has detail to keep.
        int shade = (int) (12 * Math.sin((x + 7 * frame) / 9.0) * Math.cos(y / 11.0));
        int r = clamp(((bar >> 16) & 0xff) + shade);
        int g = clamp(((bar >> 8) & 0xff) + shade);
        int b = clamp((bar & 0xff) + shade);
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private List<SourceFrame> testCards(int count) {
        List<SourceFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int frame = i;
            frames.add(SourceFrame.of(TestJpegs.write(folder.resolve("card-" + i + ".jpg"),
                    TestJpegs.picture(640, 480, (x, y) -> testCard(x, y, frame)))));
        }
        return frames;
    }

    /** Renders {@code frames} at 720p (a 960x720 picture between bars) through x264, as YUV or RGB frames. */
    private DecodedVideo render(List<SourceFrame> frames, RenderLook look, boolean yuv, List<int[]> rgbFrames)
            throws Exception {
        FramePipeline pipeline = FramePipeline.prepare(frames, PipelineSettings.of(SizePreset.P720).withThreads(2),
                look, recording.log(), new StopSignal());
        EncoderSettings settings = EncoderSettings.of(1280, 720, FrameRate.of(25)).withQuality(90);
        Path file = folder.resolve((yuv ? "yuv" : "rgb") + ".mp4");
        try (VideoEncoder encoder = new X264LibraryFactory().open(settings, file);
                FrameStream stream = yuv
                        ? pipeline.open(0, frames.size(), new YuvFormat(settings.colourSpace(), settings.range()))
                        : pipeline.open()) {
            long[] index = {0};
            stream.forEach(frame -> {
                assertThat(frame.isYuv()).as("frame %d delivered as YUV", frame.position()).isEqualTo(yuv
                        && pipeline.deliversYuv());
                encoder.encode(videoFrame(index[0]++, frame));
                if (!frame.isYuv() && rgbFrames != null) {
                    rgbFrames.add(frame.pixels().clone());
                }
            });
            encoder.finish();
        }
        return DecodedVideo.of(file);
    }

    private static VideoFrame videoFrame(long index, RenderedFrame frame) {
        if (frame.isYuv()) {
            YuvPlanes planes = frame.yuv();
            return VideoFrame.ofYuv420(index, frame.width(), frame.height(), planes.y(), planes.u(), planes.v());
        }
        return VideoFrame.ofIntRgb(index, frame.width(), frame.height(), frame.pixels());
    }

    @Test
    void yuvFramesMakeTheSameVideoAsRgbFramesWithinEncodingNoise() throws Exception {
        List<SourceFrame> frames = testCards(6);
        List<int[]> rendered = new ArrayList<>();
        DecodedVideo viaRgb = render(frames, RenderLook.plain(), false, rendered);
        DecodedVideo direct = render(frames, RenderLook.plain(), true, null);

        assertThat(direct.frames).hasSize(6);
        assertThat(direct.text("color_space")).isEqualTo("bt709");
        assertThat(direct.text("color_range")).isEqualTo("tv");
        for (int i = 0; i < 6; i++) {
            double rgbPath = viaRgb.psnr(i, rendered.get(i));
            double yuvPath = direct.psnr(i, rendered.get(i));
            // Both lose the same to x264 at quality 90; the YUV path may differ from the RGB path's pixels by rounding.
            assertThat(rgbPath).as("frame %d, RGB path against its own pixels", i).isGreaterThan(38);
            assertThat(yuvPath).as("frame %d, YUV path against the RGB path's pixels", i)
                    .isGreaterThan(38).isCloseTo(rgbPath, offset(1.5));
        }
    }

    @Test
    void colourBarsAndTheGreyRampLandWhereTheyShould() throws Exception {
        DecodedVideo video = render(testCards(2), RenderLook.plain(), true, null);
        int[] pixels = video.frames.get(0);
        int width = video.width;
        // The picture is 960x720 at x 160: bars 120 wide, the ramp below y 540.
        for (int bar = 0; bar < BARS.length; bar++) {
            int[] expected = TestJpegsChannels.of(BARS[bar]);
            int[] actual = TestJpegsChannels.mean(pixels, width, 160 + bar * 120 + 40, 200, 40, 100);
            for (int c = 0; c < 3; c++) {
                assertThat(actual[c]).as("bar %d channel %d", bar, c).isCloseTo(expected[c], offset(14));
            }
        }
        int previous = -1;
        for (int x = 170; x < 1110; x += 40) {
            int grey = TestJpegsChannels.mean(pixels, width, x, 600, 8, 60)[1];
            assertThat(grey).as("the ramp at x %d", x).isGreaterThanOrEqualTo(previous);
            assertThat(grey).isCloseTo((x - 160) * 256 / 960, offset(8));
            previous = grey;
        }
        assertThat(TestJpegsChannels.mean(pixels, width, 20, 300, 100, 100)).as("the bars beside the picture")
                .containsExactly(0, 0, 0);
    }

    @Test
    void aLookThatPaintsOnThePicturesGetsRgbFrames() throws Exception {
        RenderLook overlaid = RenderLook.plain().withOverlay(TitleOverlay.of("Dawn"));
        DecodedVideo video = render(testCards(2), overlaid, true, null);
        assertThat(video.frames).hasSize(2);
    }

    /** Channel arithmetic for the checks above. */
    private static final class TestJpegsChannels {
        static int[] of(int rgb) {
            return TestJpegs.channels(rgb);
        }

        /** The mean of each channel over the rectangle (x, y, w, h). */
        static int[] mean(int[] pixels, int stride, int x, int y, int w, int h) {
            long[] sums = new long[3];
            for (int row = y; row < y + h; row++) {
                for (int column = x; column < x + w; column++) {
                    int[] channels = TestJpegs.channels(pixels[row * stride + column]);
                    for (int c = 0; c < 3; c++) {
                        sums[c] += channels[c];
                    }
                }
            }
            int count = w * h;
            return new int[] {(int) Math.round((double) sums[0] / count), (int) Math.round((double) sums[1] / count),
                (int) Math.round((double) sums[2] / count)};
        }
    }
}
