package studio.timelapse.desktop.render.encode.jcodec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.encode.ColourTags;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.FrameRate;
import studio.timelapse.desktop.render.encode.RgbToYuv420;
import studio.timelapse.desktop.render.encode.VideoFrame;
import studio.timelapse.desktop.render.encode.mp4.AvcSampleEntry;
import studio.timelapse.desktop.render.encode.mp4.Mp4VideoWriter;

class JCodecFrameEncoderTest {
    @TempDir
    Path folder;

    @Test
    void everyFrameItPredictsFromIsExactlyThePictureFfmpegDecodes() throws Exception {
        for (int quality : new int[] {95, 70, 20}) {
            int width = 208;
            int height = 120;                                // not a whole number of macroblocks high
            EncoderSettings settings = EncoderSettings.of(width, height, FrameRate.of(25)).withQuality(quality)
                    .withKeyFrameInterval(8);
            List<byte[]> predicted = new ArrayList<>();
            Path file = folder.resolve("exact-" + quality + ".mp4");
            JCodecFrameEncoder encoder = new JCodecFrameEncoder(settings,
                    new ConstantQualityRateControl(JCodecQuality.predictedFrameQp(quality)));
            RgbToYuv420 converter = new RgbToYuv420(settings.colourSpace(), settings.range(), -128);
            Picture picture = Picture.create(width, height, ColorSpace.YUV420J);
            ByteBuffer sample = ByteBuffer.allocate(1 << 20);
            try (Mp4VideoWriter writer = Mp4VideoWriter.create(file, 25, 1)) {
                for (int i = 0; i < 12; i++) {
                    VideoFrame frame = VideoFrame.ofIntRgb(i, width, height, movingPattern(width, height, i));
                    converter.convert(frame, picture.getPlaneData(0), picture.getPlaneData(1),
                            picture.getPlaneData(2));
                    boolean key = encoder.encode(picture, sample);
                    writer.writeSample(sample, key, i);
                    predicted.add(visible(encoder.lastDecodedPicture(), width, height));
                }
                writer.finish(AvcSampleEntry.of(width, height, encoder.sps(), encoder.pps(), ColourTags.of(settings)));
            }
            byte[] decoded = decodeYuv(file);
            int frameBytes = width * height * 3 / 2;
            for (int i = 0; i < predicted.size(); i++) {
                byte[] frame = java.util.Arrays.copyOfRange(decoded, i * frameBytes, (i + 1) * frameBytes);
                assertThat(differences(frame, predicted.get(i))).as("quality %d, frame %d: samples that differ",
                        quality, i).isEqualTo(describe(0));
            }
        }
    }

    private static String describe(int count) {
        return count + " samples differ";
    }

    private static String differences(byte[] a, byte[] b) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return describe(count) + (count == 0 ? "" : ", first at byte " + first + " of " + a.length);
    }

    /** The visible part of a padded JCodec picture as plain YUV 4:2:0 bytes. */
    private static byte[] visible(Picture picture, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int plane = 0; plane < 3; plane++) {
            int w = plane == 0 ? width : width / 2;
            int h = plane == 0 ? height : height / 2;
            byte[] data = picture.getPlaneData(plane);
            int stride = picture.getPlaneWidth(plane);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.write(data[y * stride + x] + 128);
                }
            }
        }
        return out.toByteArray();
    }

    static int[] movingPattern(int width, int height, int index) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 3 + index * 5) & 0xff;
                int g = (int) (128 + 100 * Math.sin((x + index * 3) * 0.15) * Math.cos((y - index) * 0.11));
                int b = ((x - 60 - index * 3) * (x - 60 - index * 3) + (y - 60) * (y - 60) < 900) ? 230 : y * 2;
                pixels[y * width + x] = (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
            }
        }
        return pixels;
    }

    private static byte[] decodeYuv(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "rawvideo",
                "-pix_fmt", "yuv420p", "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        return bytes;
    }
}
