package studio.timelapse.desktop.render.encode.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import javax.imageio.ImageIO;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.capture.synthetic.SyntheticCamera;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * The benchmark's source: {@code count} JPEGs from the synthetic camera at the output size (a summer morning to
 * afternoon, drifting clouds, sensor noise: what a timelapse looks like to an encoder), and the same frames decoded
 * once into one raw RGB file, so that encoders are timed on frames, not on JPEG decoding.
 */
final class BenchmarkFrames {
    private final Path folder;
    private final int width;
    private final int height;
    private final int count;

    BenchmarkFrames(Path folder, int width, int height, int count) {
        this.folder = folder;
        this.width = width;
        this.height = height;
        this.count = count;
    }

    Path jpeg(int index) {
        return folder.resolve(String.format("%05d.jpg", index));
    }

    String jpegPattern() {
        return folder.resolve("%05d.jpg").toString();
    }

    Path raw() {
        return folder.resolve("frames-" + width + "x" + height + "-" + count + ".rgb");
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int count() {
        return count;
    }

    int frameBytes() {
        return width * height * 3;
    }

    /** Makes whatever is missing: the JPEGs, then the raw file. */
    void prepare(ActionLog log) throws Exception {
        Files.createDirectories(folder);
        if (!Files.exists(jpeg(count - 1))) {
            Instant start = Instant.parse("2026-06-21T00:00:00Z");
            // The camera's clock stands at the first slot: frames are rendered, not waited for.
            try (SyntheticCamera camera = SyntheticCamera.builder(log).seed(7)
                    .clock(java.time.Clock.fixed(start, java.time.ZoneOffset.UTC))
                    .sceneClock(SceneClock.accelerated(start, Instant.parse("2026-06-21T05:00:00Z"), 120))
                    .build()) {
                FrameSettings settings = FrameSettings.automatic().withSize(width, height);
                for (int i = 0; i < count; i++) {
                    Instant slot = start.plusSeconds(i);
                    camera.capture(new CaptureRequest(settings, slot, slot.plusSeconds(60)), jpeg(i));
                }
            }
        }
        if (!Files.exists(raw())) {
            Path partial = raw().resolveSibling(raw().getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                byte[] rgb = new byte[frameBytes()];
                for (int i = 0; i < count; i++) {
                    BufferedImage image = ImageIO.read(jpeg(i).toFile());
                    for (int y = 0, at = 0; y < height; y++) {
                        for (int x = 0; x < width; x++, at += 3) {
                            int pixel = image.getRGB(x, y);
                            rgb[at] = (byte) (pixel >> 16);
                            rgb[at + 1] = (byte) (pixel >> 8);
                            rgb[at + 2] = (byte) pixel;
                        }
                    }
                    out.write(rgb);
                }
            }
            Files.move(partial, raw());
        }
    }

    /** Reads frames from the raw file into one reused buffer. */
    final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private final byte[] rgb = new byte[frameBytes()];

        Reader() throws IOException {
            channel = FileChannel.open(raw(), StandardOpenOption.READ);
        }

        byte[] read(int index) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(rgb);
            long position = (long) index * frameBytes();
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("The raw frames end before frame " + index);
                }
            }
            return rgb;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

}
