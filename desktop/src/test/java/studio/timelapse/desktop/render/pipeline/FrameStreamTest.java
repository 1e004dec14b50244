package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;
import studio.timelapse.shared.testing.RecordingLog;

class FrameStreamTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @TempDir
    Path folder;
    private final RecordingLog recording = new RecordingLog();
    private final StopSignal stop = new StopSignal();

    @AfterEach
    void closeLog() {
        recording.close();
    }

    /** A distinct colour for each position, far enough from the others to survive JPEG. */
    static int colourOf(int position) {
        return (16 + (position * 37) % 224) << 16 | (16 + (position * 71) % 224) << 8 | (16 + (position * 13) % 224);
    }

    private List<SourceFrame> frames(int count) {
        List<SourceFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = TestJpegs.write(folder.resolve(String.format("f%04d.jpg", i)),
                    TestJpegs.solid(WIDTH, HEIGHT, colourOf(i)));
            frames.add(SourceFrame.of(file));
        }
        return frames;
    }

    private PipelineSettings settings(int threads, int inFlight) {
        return PipelineSettings.of(SizePreset.ORIGINAL).withThreads(threads).withFramesInFlight(inFlight);
    }

    private static List<RenderedFrameCopy> drain(FrameStream stream) throws InterruptedException {
        List<RenderedFrameCopy> out = new ArrayList<>();
        try {
            stream.forEach(frame -> out.add(new RenderedFrameCopy(frame.position(), frame.pixels().clone(),
                    frame.meanLuma())));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    record RenderedFrameCopy(int position, int[] pixels, double meanLuma) {}

    @Test
    void framesDecodedOnSeveralThreadsArriveInOrderEachWithItsOwnPicture() throws Exception {
        List<SourceFrame> sources = frames(60);
        FramePipeline pipeline = FramePipeline.prepare(sources, settings(3, 6), RenderLook.plain(), recording.log(),
                stop);
        try (FrameStream stream = pipeline.open()) {
            List<RenderedFrameCopy> out = drain(stream);
            assertThat(out).extracting(RenderedFrameCopy::position).containsExactlyElementsOf(range(0, 60));
            for (RenderedFrameCopy frame : out) {
                JpegDecoderTest.assertClose(frame.pixels()[HEIGHT / 2 * WIDTH + WIDTH / 2], colourOf(frame.position()));
            }
            assertThat(stream.report().delivered()).containsExactlyElementsOf(range(0, 60));
            assertThat(stream.report().skipped()).isEmpty();
        }
    }

    @Test
    void framesThatFailToDecodeAreSkippedWithTheFileAndReasonLoggedAndTheRenderGoesOn() throws Exception {
        List<SourceFrame> sources = frames(12);
        byte[] sound = Files.readAllBytes(sources.get(3).file());
        Files.write(sources.get(3).file(), TestJpegs.truncated(sound, 0.4));
        Files.write(sources.get(7).file(), new byte[0]);
        Files.delete(sources.get(9).file());
        FramePipeline pipeline = FramePipeline.prepare(sources, settings(2, 4), RenderLook.plain(), recording.log(),
                stop);
        try (FrameStream stream = pipeline.open()) {
            List<RenderedFrameCopy> out = drain(stream);
            List<Integer> expected = List.of(0, 1, 2, 4, 5, 6, 8, 10, 11);
            assertThat(out).extracting(RenderedFrameCopy::position).containsExactlyElementsOf(expected);
            assertThat(stream.report().delivered()).containsExactlyElementsOf(expected);
            assertThat(stream.report().skipped()).extracting(SkippedFrame::position).containsExactly(3, 7, 9);
            assertThat(stream.report().skipped().get(1).reason()).contains("empty");
            assertThat(stream.report().skipped().get(2).reason()).contains("could not be read").contains("f0009.jpg");
        }
        List<LogMessage> skips = recording.ofType("studio:render:frame_skipped");
        assertThat(skips).hasSize(3);
        assertThat(skips.get(0).text("file")).hasValue(sources.get(3).file().toString());
        assertThat(skips.get(0).text("reason")).isPresent();
        assertThat(recording.messages()).filteredOn(m -> m.type().equals("studio:render:frames")
                && m.actionStatus().map(s -> s.name().equals("SUCCEEDED")).orElse(false))
                .singleElement().satisfies(end -> {
                    assertThat(end.number("delivered")).hasValue(9.0);
                    assertThat(end.number("skipped")).hasValue(3.0);
                });
    }

    @Test
    void theNumberOfFrameBuffersAliveStaysWithinTheBoundOverALongRun() throws Exception {
        List<SourceFrame> sources = frames(8);
        List<SourceFrame> longRun = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            longRun.add(sources.get(i % sources.size()));
        }
        FramePipeline pipeline = FramePipeline.prepare(longRun, settings(2, 3), RenderLook.plain(), recording.log(),
                stop);
        try (FrameStream stream = pipeline.open()) {
            // The consumer holds each frame while it looks; the workers may have decoded at most the rest ahead.
            int frames = stream.forEach(frame -> assertThat(stream.liveBuffers()).isBetween(1, 3));
            assertThat(frames).isEqualTo(400);
            assertThat(stream.peakLiveBuffers()).isLessThanOrEqualTo(3);
            assertThat(stream.allocatedBuffers()).isLessThanOrEqualTo(3);
            assertThat(stream.liveBuffers()).isZero();
        }
    }

    @Test
    @Timeout(120) // a stream starved of threads would wait forever
    void streamsOpenAtOnceShareThePipelinesThreadsWhichEndOnceNoneIsOpen() throws Exception {
        List<SourceFrame> sources = frames(40);
        FramePipeline pipeline = FramePipeline.prepare(sources, settings(2, 4), RenderLook.plain(), recording.log(),
                stop);
        FrameStream first = pipeline.open(0, 10);
        FrameStream second = pipeline.open(10, 30);
        FrameStream third = pipeline.open(30, 40);
        try (first; second; third) {
            assertThat(pipeline.workers().alive()).as("threads for three streams").isEqualTo(2);
            // The first two fill their buffers and wait for their consumers; the threads turn to the third meanwhile.
            assertPicturesOf(drain(third), range(30, 40));
            assertPicturesOf(drain(first), range(0, 10));
            assertPicturesOf(drain(second), range(10, 30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.workers().alive() == 0);
        try (FrameStream again = pipeline.open(5, 8)) {
            assertPicturesOf(drain(again), range(5, 8));
        }
    }

    @Test
    @Timeout(120)
    void theFramesInFlightBoundThePipelineHoweverManyStreamsAreOpen() throws Exception {
        FramePipeline pipeline = FramePipeline.prepare(frames(40), settings(2, 4), RenderLook.plain(), recording.log(),
                stop);
        List<FrameStream> streams = new ArrayList<>();
        try {
            for (int from = 0; from < 40; from += 10) {
                streams.add(pipeline.open(from, from + 10));
            }
            IntSupplier held = () -> streams.stream().mapToInt(FrameStream::liveBuffers).sum();
            // Nobody consumes: the workers decode ahead until the pipeline's 4, plus the one each stream may always have.
            await().atMost(Duration.ofSeconds(60)).until(() -> held.getAsInt() >= 4);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> held.getAsInt() <= 4 + streams.size());
            for (int i = 0; i < streams.size(); i++) {
                assertPicturesOf(drain(streams.get(i)), range(i * 10, i * 10 + 10));
            }
        } finally {
            streams.forEach(FrameStream::close);
        }
    }

    @Test
    @Timeout(120) // a stream starved of threads would wait forever
    void theLastStreamOpenHasEveryThreadOfThePipeline() throws Exception {
        FramePipeline pipeline = FramePipeline.prepare(frames(30), settings(2, 4), RenderLook.plain(), recording.log(),
                stop);
        try (FrameStream longer = pipeline.open(4, 30)) {
            try (FrameStream shorter = pipeline.open(0, 4)) {
                assertPicturesOf(drain(shorter), range(0, 4));
            }
            assertThat(pipeline.workers().alive()).isEqualTo(2);
            assertPicturesOf(drain(longer), range(4, 30));
            assertThat(longer.liveBuffers()).isZero();
        }
    }

    @Test
    @Timeout(120) // a stream starved of threads would wait forever
    void anUnexpectedErrorInOneStreamLeavesTheOtherStreamsRendering() throws Exception {
        List<SourceFrame> sources = new ArrayList<>(frames(12));
        try (FileSystem zipped = zipFileSystem()) {
            sources.set(2, unopenableByImageIo(zipped, sources.get(0)));
            FramePipeline pipeline = FramePipeline.prepare(sources, settings(2, 2).withDecoder(DecoderChoice.IMAGEIO),
                    RenderLook.plain(), recording.log(), stop);
            try (FrameStream broken = pipeline.open(0, 6); FrameStream sound = pipeline.open(6, 12)) {
                assertThatThrownBy(() -> drain(broken)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("frame 2").hasCauseInstanceOf(UnsupportedOperationException.class);
                assertPicturesOf(drain(sound), range(6, 12));
            }
        }
    }

    private FileSystem zipFileSystem() throws IOException {
        return FileSystems.newFileSystem(URI.create("jar:" + folder.resolve("frames.zip").toUri()),
                Map.of("create", "true"));
    }

    /** A copy of {@code frame} that makes ImageIO fail unexpectedly: it reads files, and a zip entry has none. */
    private static SourceFrame unopenableByImageIo(FileSystem zipped, SourceFrame frame) throws IOException {
        Path inside = zipped.getPath("/f.jpg");
        Files.copy(frame.file(), inside);
        return SourceFrame.of(inside);
    }

    private static void assertPicturesOf(List<RenderedFrameCopy> frames, List<Integer> positions) {
        assertThat(frames).extracting(RenderedFrameCopy::position).containsExactlyElementsOf(positions);
        for (RenderedFrameCopy frame : frames) {
            JpegDecoderTest.assertClose(frame.pixels()[HEIGHT / 2 * WIDTH + WIDTH / 2], colourOf(frame.position()));
        }
    }

    @Test
    void aBlendedRenderMadeInSegmentsEqualsOneMadeInOneGo() throws Exception {
        List<SourceFrame> sources = frames(20);
        Files.write(sources.get(9).file(), new byte[] {1, 2, 3});
        FramePipeline pipeline = FramePipeline.prepare(sources, settings(2, 4), RenderLook.plain().withBlend(4),
                recording.log(), stop);
        Map<Integer, int[]> whole = new HashMap<>();
        try (FrameStream stream = pipeline.open()) {
            drain(stream).forEach(frame -> whole.put(frame.position(), frame.pixels()));
        }
        Map<Integer, int[]> segmented = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int[] segment : new int[][] {{0, 7}, {7, 10}, {10, 20}}) {
            try (FrameStream stream = pipeline.open(segment[0], segment[1])) {
                drain(stream).forEach(frame -> {
                    segmented.put(frame.position(), frame.pixels());
                    order.add(frame.position());
                });
            }
        }
        assertThat(order).containsExactlyElementsOf(whole.keySet().stream().sorted().toList()).doesNotContain(9);
        for (int position : order) {
            assertThat(segmented.get(position)).as("frame %d", position).isEqualTo(whole.get(position));
        }
    }

    @Test
    void aStopEndsTheStreamWithItsReason() throws Exception {
        FramePipeline pipeline = FramePipeline.prepare(frames(30), settings(2, 4), RenderLook.plain(),
                recording.log(), stop);
        try (FrameStream stream = pipeline.open()) {
            try (RenderedFrame first = stream.next()) {
                assertThat(first.position()).isZero();
            }
            stop.stop("cancelled by the user");
            assertThatThrownBy(() -> stream.forEach(frame -> { })).isInstanceOf(StoppedException.class).hasMessage("cancelled by the user");
        }
        assertThat(recording.messages()).filteredOn(m -> m.type().equals("studio:render:frames")
                && m.actionStatus().map(s -> s.name().equals("FAILED")).orElse(false)).singleElement()
                .satisfies(end -> assertThat(end.text("reason")).hasValue("cancelled by the user"));
    }

    @Test
    void anUnexpectedErrorInAWorkerEndsTheStreamWithThatError() throws Exception {
        List<SourceFrame> sources = new ArrayList<>(frames(3));
        try (FileSystem zipped = zipFileSystem()) {
            sources.add(1, unopenableByImageIo(zipped, sources.get(0)));
            FramePipeline pipeline = FramePipeline.prepare(sources, settings(1, 2).withDecoder(DecoderChoice.IMAGEIO),
                    RenderLook.plain(), recording.log(), stop);
            try (FrameStream stream = pipeline.open()) {
                stream.next().close();
                assertThatThrownBy(stream::next).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("frame 1").hasCauseInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(i);
        }
        return values;
    }
}
