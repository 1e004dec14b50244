package studio.timelapse.shared.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import studio.timelapse.shared.process.LocalProcess;

/**
 * The process that holds a lease, as its row records it ({@code program@host:pid} and when it started), and whether
 * it is certainly dead: only a process of this host can be looked up, and only one whose start time we know can be
 * told apart from a newer process that reuses its id. When in doubt it is alive, and its lease runs out as usual.
 */
final class HolderProcess {
    /**
     * Two readings of one process's start time may differ a little (the boot time the OS reports moves by a second
     * under NTP); a reused pid starts after its previous owner died, long after that owner took a lease.
     */
    private static final Duration SAME_START = Duration.ofSeconds(2);

    private HolderProcess() {}

    /** This process's start, recorded with every lease it takes; empty where the OS does not say. */
    static Optional<Instant> startOfThisProcess() {
        return ProcessHandle.current().info().startInstant();
    }

    /**
     * Why the holder {@code process} (started at {@code startedAt}) is dead, or empty if it may be alive: another host,
     * an unreadable name, or a live process with its id that started when it did (or whose start we cannot compare).
     */
    static Optional<String> deadReason(String process, Optional<Instant> startedAt) {
        int at = process.lastIndexOf('@');
        int colon = process.lastIndexOf(':');
        if (at < 0 || colon < at) {
            return Optional.empty();
        }
        if (!process.substring(at + 1, colon).equals(LocalProcess.hostName())) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(process.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (pid == LocalProcess.pid()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.of("process " + pid + " on this host is gone");
        }
        Optional<Instant> nowStarted = handle.get().info().startInstant();
        if (startedAt.isPresent() && nowStarted.isPresent()
                && Duration.between(startedAt.get(), nowStarted.get()).abs().compareTo(SAME_START) > 0) {
            return Optional.of("process " + pid + " on this host is gone; the id now belongs to a process started at "
                    + nowStarted.get() + ", not " + startedAt.get());
        }
        return Optional.empty();
    }
}
