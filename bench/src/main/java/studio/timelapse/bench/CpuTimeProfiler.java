package studio.timelapse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, which a busy machine disturbs far less than operations per second: on a shared 2-core
 * machine a benchmark thread waits for a core, and its throughput falls while its CPU time per operation stays.
 * Use with {@code -prof studio.timelapse.bench.CpuTimeProfiler}. Per iteration it reports:
 * <ul>
 *   <li>{@code cpu.worker.norm}: CPU time of the benchmark threads per operation (user + kernel), in ns;</li>
 *   <li>{@code cpu.worker.sys.norm}: the kernel's part of it (system calls such as file writes);</li>
 *   <li>{@code cpu.worker.util}: the benchmark threads' CPU time over their wall time (1 = always on a core;
 *       less when they wait for a lock, for I/O or for a core another process holds);</li>
 *   <li>{@code cpu.process.norm}: CPU time of the whole JVM per operation (GC and compiler threads too).</li>
 * </ul>
 * Operations are all that JMH counted in the iteration, as its GC profiler normalizes.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, long[]> workersBefore = Map.of();
    private long processBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation of the benchmark threads (user and kernel) and of the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersBefore = workerTimes();
        processBefore = processCpuNanos();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallBefore;
        long process = processCpuNanos() - processBefore;
        long cpu = 0;
        long user = 0;
        for (Map.Entry<Long, long[]> worker : workerTimes().entrySet()) {
            long[] before = workersBefore.getOrDefault(worker.getKey(), new long[2]);
            cpu += worker.getValue()[0] - before[0];
            user += worker.getValue()[1] - before[1];
        }
        long ops = Math.max(1, result.getMetadata().getAllOps());
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("cpu.worker.norm", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
        results.add(new ScalarResult("cpu.worker.sys.norm", (double) (cpu - user) / ops, "ns/op",
                AggregationPolicy.AVG));
        results.add(new ScalarResult("cpu.worker.util", (double) cpu / wall / benchmarkParams.getThreads(), "ratio",
                AggregationPolicy.AVG));
        if (process >= 0) {
            results.add(new ScalarResult("cpu.process.norm", (double) process / ops, "ns/op", AggregationPolicy.AVG));
        }
        return results;
    }

    /** Thread id to {cpu, user} nanoseconds for each live benchmark thread. */
    private Map<Long, long[]> workerTimes() {
        Map<Long, long[]> times = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER)) {
                long id = info.getThreadId();
                long cpu = threads.getThreadCpuTime(id);
                long user = threads.getThreadUserTime(id);
                if (cpu >= 0 && user >= 0) {
                    times.put(id, new long[] {cpu, user});
                }
            }
        }
        return times;
    }

    private long processCpuNanos() {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
