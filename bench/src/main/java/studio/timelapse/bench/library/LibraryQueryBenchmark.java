package studio.timelapse.bench.library;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import studio.timelapse.desktop.library.CaptureRange;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.Thumbnail;

/**
 * The library's common queries on a library of a million frames (see {@link SyntheticLibrary}), each from a random
 * place in the month: what a screen asks when it shows a camera's day, scrolls a sequence's thumbnails, or counts.
 * Sample time, so the report has percentiles; target (issue 5 §7): under 20 ms each.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LibraryQueryBenchmark {
    private static final int PAGE = 100;

    /** The first 100 frames of camera 1 in an hour starting at a random time. */
    @Benchmark
    public List<Frame> cameraHourFirstPage(LibraryState state) {
        Instant from = state.randomTime();
        return state.store.ofCamera(SyntheticLibrary.cameraId(1), CaptureRange.between(from,
                from.plus(Duration.ofHours(1))), Optional.empty(), PAGE).frames();
    }

    /** A page of camera 1's frames within its whole month, continuing from a random place (a deep scroll). */
    @Benchmark
    public List<Frame> cameraMonthPageDeep(LibraryState state) {
        return state.store.ofCamera(SyntheticLibrary.cameraId(1), CaptureRange.ALL, state.randomCursor(), PAGE)
                .frames();
    }

    /** A page of a camera stream's frames with their thumbnails, from a random place: a grid of thumbnails. */
    @Benchmark
    public Map<Long, Thumbnail> streamPageWithThumbnails(LibraryState state) {
        Page page = state.store.ofSequence(state.stream, state.randomCursor(), PAGE);
        return state.store.thumbnails(page.frames().stream().map(Frame::id).toList());
    }

    /** A page of camera 0 by day (located: read sunrise to sunset), every 10th frame, from a random place. */
    @Benchmark
    public List<Frame> definedPageDaytimeBySun(LibraryState state) {
        return state.store.ofSequence(state.byTheSun, state.randomCursor(), PAGE).frames();
    }

    /** A page of camera 1 by day (no location: judged frame by frame from exposure), every 10th, from a random place. */
    @Benchmark
    public List<Frame> definedPageDaytimeByExposure(LibraryState state) {
        return state.store.ofSequence(state.byExposure, state.randomCursor(), PAGE).frames();
    }

    /** A page of two cameras merged, every 10th frame, from a random place. */
    @Benchmark
    public List<Frame> definedPageTwoCameras(LibraryState state) {
        return state.store.ofSequence(state.twoCameras, state.randomCursor(), PAGE).frames();
    }

    /** How many frames a daytime sequence of a located camera has (hourly counts and two partial hours a day). */
    @Benchmark
    public long countDefinedDaytimeBySun(LibraryState state) {
        return state.store.countInSequence(state.byTheSun);
    }

    /** How many frames a daytime sequence of a camera without location has (ingest's verdicts, counted by hour). */
    @Benchmark
    public long countDefinedDaytimeByExposure(LibraryState state) {
        return state.store.countInSequence(state.byExposure);
    }

    @Benchmark
    public long countLibrary(LibraryState state) {
        return state.store.count();
    }

    @Benchmark
    public long countStream(LibraryState state) {
        return state.store.countInOrigin(state.stream);
    }
}
