package studio.timelapse.desktop.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import studio.timelapse.desktop.render.encode.jcodec.JCodecEncoderFactory;
import studio.timelapse.desktop.render.encode.mp4.Mp4FormatException;
import studio.timelapse.desktop.render.encode.mp4.Mp4VideoReader;
import studio.timelapse.desktop.render.encode.x264.ExecutableLocator;
import studio.timelapse.desktop.render.encode.x264.X264LibraryFactory;
import studio.timelapse.desktop.render.encode.x264.X264ProgramFactory;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.testing.RecordingLog;

class SegmentJoinerTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final TestFrames SOURCE = new TestFrames(WIDTH, HEIGHT);
    private static final EncoderSettings SETTINGS = EncoderSettings.of(WIDTH, HEIGHT, FrameRate.of(25));

    @TempDir
    Path folder;

    private final RecordingLog recording = new RecordingLog();
    private final SegmentJoiner joiner = new SegmentJoiner(recording.log());

    @AfterEach
    void closeLog() {
        recording.close();
    }

    static Stream<EncoderFactory> encoders() {
        return Stream.of(new JCodecEncoderFactory(), new X264LibraryFactory(),
                new X264ProgramFactory(ExecutableLocator.ofThisProcess()));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void segmentsJoinIntoOneTrackThatShowsEveryFrameOnceAtItsTime(EncoderFactory encoder) throws Exception {
        List<Path> segments = encodeSegments(encoder, SETTINGS, 8, 7, 9);
        Path output = folder.resolve("video.mp4");

        SegmentJoiner.JoinedVideo joined = joiner.join(segments, output);

        assertThat(joined.frames()).isEqualTo(24);
        assertThat(joined.segments()).isEqualTo(3);
        assertThat(joined.duration()).isEqualTo(java.time.Duration.ofMillis(960));
        assertThat(joined.bytes()).isEqualTo(Files.size(output));
        DecodedVideo video = DecodedVideo.of(output);
        assertThat(video.text("codec_name")).isEqualTo("h264");
        assertThat(video.width).isEqualTo(WIDTH);
        assertThat(video.height).isEqualTo(HEIGHT);
        assertThat(video.text("r_frame_rate")).isEqualTo("25/1");
        assertThat(video.duration()).isEqualTo(0.96, within(1e-9));
        assertThat(video.frames).hasSize(24);
        List<Double> expectedTimes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            expectedTimes.add(i * 0.04);
        }
        assertThat(video.presentationTimes).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-6 ? 0 : a.compareTo(b),
                Double.class).containsExactlyElementsOf(expectedTimes);
        assertThat(video.keyFrames.get(0)).isTrue();
        assertThat(video.keyFrames.get(8)).isTrue();
        assertThat(video.keyFrames.get(15)).isTrue();
        for (int i = 0; i < 24; i++) {
            double own = video.psnr(i, SOURCE.rgb(i));
            assertThat(own).as("PSNR of frame %d", i).isGreaterThan(EncoderContract.DEFAULT_QUALITY_PSNR_FLOOR);
            if (i + 1 < 24) {
                assertThat(own).as("frame %d is itself, not its neighbour", i)
                        .isGreaterThan(video.psnr(i, SOURCE.rgb(i + 1)));
            }
        }
        assertThat(topLevelBoxes(output)).startsWith("ftyp", "moov", "mdat");
    }

    @Test
    void x264SegmentsReorderTheirFramesAndStillJoinExactly() throws Exception {
        List<Path> segments = encodeSegments(new X264LibraryFactory(), SETTINGS, 12, 12);
        assertThat(Mp4VideoReader.read(segments.get(0)).reordered()).as("x264 uses B-frames").isTrue();

        Path output = folder.resolve("video.mp4");
        joiner.join(segments, output);

        assertThat(Mp4VideoReader.read(output).reordered()).isTrue();
        DecodedVideo video = DecodedVideo.of(output);
        assertThat(video.frames).hasSize(24);
        for (int i = 0; i < 24; i++) {
            assertThat(video.psnr(i, SOURCE.rgb(i))).isGreaterThan(video.psnr(i, SOURCE.rgb(i == 0 ? 1 : i - 1)));
        }
    }

    @Test
    void joiningTheSameSegmentsAgainWritesTheSameBytes() throws Exception {
        List<Path> segments = encodeSegments(new JCodecEncoderFactory(), SETTINGS, 4, 4);
        Path first = folder.resolve("first.mp4");
        Path second = folder.resolve("second.mp4");

        joiner.join(segments, first);
        joiner.join(segments, second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void segmentsOfAnotherSizeAreRefusedAndTheOutputIsLeftAlone() throws Exception {
        Path small = encodeSegments(new JCodecEncoderFactory(), EncoderSettings.of(WIDTH, 180, FrameRate.of(25)),
                4).get(0);
        Path normal = encodeSegments(new JCodecEncoderFactory(), SETTINGS, 4).get(0);
        Path output = folder.resolve("video.mp4");
        Files.writeString(output, "an earlier render");

        assertThatThrownBy(() -> joiner.join(List.of(normal, small), output))
                .isInstanceOf(Mp4FormatException.class).hasMessageContaining(small.toString())
                .hasMessageContaining("other settings");

        assertThat(output).hasContent("an earlier render");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".joining"));
        }
    }

    @Test
    void segmentsOfDifferentEncodersAreRefused() throws Exception {
        Path jcodec = encodeSegments(new JCodecEncoderFactory(), SETTINGS, 3).get(0);
        Path x264 = encodeSegments(new X264LibraryFactory(), SETTINGS, 3).get(0);

        assertThatThrownBy(() -> joiner.join(List.of(jcodec, x264), folder.resolve("video.mp4")))
                .isInstanceOf(Mp4FormatException.class).hasMessageContaining("other settings");
    }

    @Test
    void aSegmentCutShortByAKilledProcessIsRefusedAsUnfinished() throws Exception {
        Path segment = encodeSegments(new JCodecEncoderFactory(), SETTINGS, 4).get(0);
        Path cut = folder.resolve("cut.mp4");
        byte[] bytes = Files.readAllBytes(segment);
        int moov = indexOf(bytes, "moov") - 4;
        Files.write(cut, java.util.Arrays.copyOf(bytes, moov));     // the index was never written

        assertThatThrownBy(() -> joiner.join(List.of(segment, cut), folder.resolve("video.mp4")))
                .isInstanceOf(Mp4FormatException.class).hasMessageContaining("not finished");
    }

    @Test
    void theJoinIsAnActionThatSaysWhatItWrote() throws Exception {
        List<Path> segments = encodeSegments(new JCodecEncoderFactory(), SETTINGS, 3, 2);
        joiner.join(segments, folder.resolve("video.mp4"));

        List<LogMessage> ends = recording.messages().stream()
                .filter(message -> "studio:render:join_segments".equals(message.fields().get(LogMessage.ACTION_TYPE)))
                .filter(message -> "succeeded".equals(message.fields().get(LogMessage.ACTION_STATUS)))
                .toList();
        assertThat(ends).hasSize(1);
        assertThat(ends.get(0).fields()).containsEntry("frames", 5L).containsKey("bytes");
    }

    /** Encodes consecutive runs of the source frames, each run its own file starting at index 0. */
    private List<Path> encodeSegments(EncoderFactory encoder, EncoderSettings settings, int... lengths)
            throws Exception {
        TestFrames source = new TestFrames(settings.width(), settings.height());
        List<Path> segments = new ArrayList<>();
        int next = 0;
        for (int length : lengths) {
            Path segment = folder.resolve(encoder.name() + "-" + settings.height() + "-segment-" + next + ".mp4");
            try (VideoEncoder stream = encoder.open(settings, segment)) {
                for (int i = 0; i < length; i++) {
                    stream.encode(source.frame(next + i, i));
                }
                stream.finish();
            }
            segments.add(segment);
            next += length;
        }
        return segments;
    }

    private static List<String> topLevelBoxes(Path file) throws Exception {
        List<String> types = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position < channel.size()) {
                header.clear();
                channel.read(header, position);
                header.flip();
                long size = header.getInt() & 0xffffffffL;
                byte[] type = new byte[4];
                header.get(type);
                types.add(new String(type, StandardCharsets.ISO_8859_1));
                position += size == 1 ? header.getLong() : size;
            }
        }
        return types;
    }

    private static int indexOf(byte[] bytes, String type) {
        byte[] pattern = type.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + type + " box");
    }
}
