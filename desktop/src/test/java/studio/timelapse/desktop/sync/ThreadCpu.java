package studio.timelapse.desktop.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * CPU time of this JVM's threads by kind over a measurement, for a benchmark that runs the agent and the studio in
 * one process: it reads every live thread's CPU time every 100 ms, so threads that end during the measurement (a
 * sync's download pool) are counted up to their last reading. What no Java thread accounts for — JIT compilers, the
 * garbage collector — is the process's CPU time minus the threads'.
 */
final class ThreadCpu implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Function<String, String> kindOf;
    private final Map<Long, String> kinds = new HashMap<>();
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final CpuClock process = CpuClock.start();
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadCpu(Function<String, String> kindOf) {
        this.kindOf = kindOf;
        read();
        this.sampler = new Thread(() -> {
            while (running) {
                read();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void read() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            kinds.putIfAbsent(info.getThreadId(), kindOf.apply(info.getThreadName()));
            first.putIfAbsent(info.getThreadId(), cpu);
            last.put(info.getThreadId(), cpu);
        }
    }

    /** Stops sampling and describes the CPU seconds by kind, the JVM's own threads last. */
    String describe() {
        close();
        read();
        Map<String, Double> byKind = new TreeMap<>();
        double javaThreads = 0;
        synchronized (this) {
            for (Map.Entry<Long, Long> entry : last.entrySet()) {
                double seconds = (entry.getValue() - first.get(entry.getKey())) / 1e9;
                byKind.merge(kinds.get(entry.getKey()), seconds, Double::sum);
                javaThreads += seconds;
            }
        }
        StringBuilder text = new StringBuilder("CPU by thread:");
        byKind.forEach((kind, seconds) -> {
            if (seconds >= 0.005) {
                text.append(String.format(Locale.ROOT, " %s %.2f s,", kind, seconds));
            }
        });
        return text.append(String.format(Locale.ROOT, " JIT+GC+VM %.2f s", process.seconds() - javaThreads))
                .toString();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
