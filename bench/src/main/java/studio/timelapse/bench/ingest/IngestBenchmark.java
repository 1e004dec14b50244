package studio.timelapse.bench.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import studio.timelapse.desktop.ingest.FrameAnalysis;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.ingest.IngestFailure;

/**
 * Ingest rate for 12-megapixel JPEGs (issue #5 §7: at least 30 frames/s on this 2-core machine). One operation is
 * one frame: {@code analyze} is what the ingest job does per frame (read the file, decode its DC coefficients, luma
 * mean and histogram, thumbnail, EXIF). Run with {@code -t 1} and {@code -t 2}: each thread analyses its own frames,
 * as the ingest job's threads do, and JMH adds their rates.
 *
 * <p>For comparison, the two ways ImageIO could do the decoding part alone: a full decode, and a decode with 8×8
 * source subsampling (which still entropy-decodes and inverse-transforms every block).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 4, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class IngestBenchmark {
    /** One analyzer for every thread, as in the ingest job: it is stateless. */
    private final FrameAnalyzer analyzer = new FrameAnalyzer();

    /** Each thread walks the frames from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final AtomicInteger THREADS = new AtomicInteger();
        int next = THREADS.getAndIncrement() * 3;

        Path next(TwelveMegapixelFrames frames) {
            return frames.file(next++);
        }
    }

    @Benchmark
    public FrameAnalysis analyze(TwelveMegapixelFrames frames, Cursor cursor) throws IngestFailure {
        return analyzer.analyze(cursor.next(frames));
    }

    @Benchmark
    public BufferedImage imageIoFullDecode(TwelveMegapixelFrames frames, Cursor cursor) throws IOException {
        return ImageIO.read(cursor.next(frames).toFile());
    }

    @Benchmark
    public BufferedImage imageIoSubsampled8(TwelveMegapixelFrames frames, Cursor cursor) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(cursor.next(frames).toFile())) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(8, 8, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
