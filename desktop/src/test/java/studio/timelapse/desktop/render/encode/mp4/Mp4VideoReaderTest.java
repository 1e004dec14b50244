package studio.timelapse.desktop.render.encode.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.encode.ColourTags;

class Mp4VideoReaderTest {
    @TempDir
    Path folder;

    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        Path file = smallVideo("video.mp4");

        Mp4VideoTrack track = Mp4VideoReader.read(file);

        assertThat(track.frames()).isEqualTo(3);
        assertThat(track.keyFrames()).isEqualTo(2);
        assertThat(track.timescale()).isEqualTo(25);
        assertThat(track.frameDuration()).isEqualTo(1);
        assertThat(track.reordered()).isTrue();
        assertThat(track.dataBytes()).isEqualTo(4 + 5 + 6);
        assertThat(track.entry().width()).isEqualTo(64);
    }

    @Test
    void aFileWithoutItsIndexIsUnfinished() throws Exception {
        Path file = folder.resolve("cut.mp4");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(smallVideo("video.mp4")), 60));

        assertThatThrownBy(() -> Mp4VideoReader.read(file)).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("not finished");
    }

    @Test
    void damagedIndexesAreRefusedWithAFormatErrorAndNothingElse() throws Exception {
        byte[] good = Files.readAllBytes(smallVideo("video.mp4"));
        int moov = indexOfMovieBox(good);
        Random random = new Random(42);
        Path damaged = folder.resolve("damaged.mp4");
        for (int attempt = 0; attempt < 500; attempt++) {
            byte[] bytes = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                int at = moov + random.nextInt(good.length - moov);
                bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ 0x80);
            }
            Files.write(damaged, bytes);
            try {
                Mp4VideoReader.read(damaged);
            } catch (Mp4FormatException expected) {
                // The one way to fail.
            } catch (Exception | OutOfMemoryError other) {
                fail("attempt " + attempt + " failed with " + other, other);
            }
        }
    }

    /** Three frames, shown in the order 0, 2, 1 (a B-frame), the third a key frame. */
    private Path smallVideo(String name) throws Exception {
        Path file = folder.resolve(name);
        byte[] sps = {0x67, 0x42, (byte) 0xc0, 0x1e, 0x01};
        byte[] pps = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
        try (Mp4VideoWriter writer = Mp4VideoWriter.create(file, 25, 1)) {
            writer.writeSample(ByteBuffer.wrap(new byte[] {0, 0, 0, 0}), true, 0);
            writer.writeSample(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 1}), false, 2);
            writer.writeSample(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 2, 2}), true, 1);
            writer.finish(AvcSampleEntry.of(64, 48, sps, pps, new ColourTags(1, 1, 1, false)));
        }
        return file;
    }

    private static int indexOfMovieBox(byte[] bytes) {
        for (int i = 4; i + 4 <= bytes.length; i++) {
            if (bytes[i] == 'm' && bytes[i + 1] == 'o' && bytes[i + 2] == 'o' && bytes[i + 3] == 'v') {
                return i - 4;
            }
        }
        throw new AssertionError("no moov");
    }
}
