package studio.timelapse.bench.library;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.PageCursor;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Lists whole sequences of a synthetic library as the render screen does (every frame, pages of 5,000) and prints
 * the wall and CPU time of each listing: {@code java -cp bench/target/benchmarks.jar
 * studio.timelapse.bench.library.ListSequence DIR ROUNDS [SEQUENCE NAME …]} (default: "All cameras" and "Camera 1").
 * A quick look, not a JMH benchmark: its CPU time is the thread's own, which the machine's load disturbs least.
 */
public final class ListSequence {
    private static final int PAGE = 5_000;

    private ListSequence() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String[] names = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"All cameras", "Camera 1"};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ActionLog log = ActionLog.builder("bench").build();
                Library library = Library.open(folder, log, Clock.systemUTC())) {
            Frames frames = Frames.of(library);
            for (int round = 0; round < rounds; round++) {
                for (String name : names) {
                    long id = Sequences.of(library).findByName(name).map(Sequence::id).orElseThrow();
                    long started = System.nanoTime();
                    long cpuStarted = threads.getCurrentThreadCpuTime();
                    int listed = 0;
                    Optional<PageCursor> after = Optional.empty();
                    do {
                        Page page = frames.ofSequence(id, after, PAGE);
                        listed += page.frames().size();
                        after = page.next();
                    } while (after.isPresent());
                    System.out.printf(Locale.ROOT, "%s: %,d frames in %.0f ms wall, %.0f ms CPU%n", name, listed,
                            (System.nanoTime() - started) / 1e6, (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6);
                }
            }
        }
    }
}
