package studio.timelapse.bench.coordination;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import studio.timelapse.shared.lock.Lease;
import studio.timelapse.shared.lock.LockRequest;

/**
 * Lock acquire + release pairs per second on SQLite: what a job pays to take its locks, and how many short critical
 * sections a program can run. Each thread takes its own lock (a camera each), so threads contend only for SQLite's
 * single writer. An acquisition commits durably (fences must never repeat); a release is an ordinary commit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class LockBenchmark {
    private static final AtomicInteger CAMERAS = new AtomicInteger();

    /** This thread's camera, so that threads never wait for each other's locks. */
    @State(Scope.Thread)
    public static class Camera {
        LockRequest capture;

        @Setup
        public void pick() {
            int camera = CAMERAS.incrementAndGet();
            capture = LockRequest.of("camera:" + camera + "/capture", "bench:" + camera);
        }
    }

    @Benchmark
    public long acquireAndRelease(CoordinationState state, Camera camera) {
        try (Lease lease = state.locks.tryAcquire(camera.capture)) {
            return lease.fence();
        }
    }
}
