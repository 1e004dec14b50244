package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + kernel) of this JVM and of its finished child processes since {@link #start}, for benchmarks on a
 * shared machine, where wall time moves with other people's load and CPU time much less. Linux only (the children's
 * time is read from {@code /proc/self/stat}); elsewhere it counts this JVM alone.
 */
final class CpuClock {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    private final long processNanos;
    private final long childTicks;

    private CpuClock(long processNanos, long childTicks) {
        this.processNanos = processNanos;
        this.childTicks = childTicks;
    }

    static CpuClock start() {
        return new CpuClock(processNanos(), childTicks());
    }

    /** Seconds of CPU used since the start, children that ended (and were waited for) included. */
    double seconds() {
        return (processNanos() - processNanos) / 1e9 + (childTicks() - childTicks) / TICKS_PER_SECOND;
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** cutime + cstime: fields 16 and 17 of /proc/self/stat, counted after the command name's closing parenthesis. */
    private static long childTicks() {
        Path stat = Path.of("/proc/self/stat");
        if (!Files.isReadable(stat)) {
            return 0;
        }
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
