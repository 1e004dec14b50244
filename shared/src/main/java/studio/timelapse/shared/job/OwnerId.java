package studio.timelapse.shared.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import studio.timelapse.shared.process.LocalProcess;

/** Who runs a job: {@code host:pid:runner}, so that a dead runner's jobs can be recognised and recovered. */
final class OwnerId {
    private OwnerId() {}

    static String create() {
        return LocalProcess.hostName() + ":" + LocalProcess.pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Whether the runner {@code owner} is gone: a process on this host that no longer exists, or any runner (here or
     * elsewhere) whose heartbeat is older than {@code staleAfter}.
     */
    static boolean gone(String owner, String me, Instant lastBeat, Instant now, Duration staleAfter) {
        if (owner.equals(me)) {
            return false;
        }
        if (Duration.between(lastBeat, now).compareTo(staleAfter) > 0) {
            return true;
        }
        String[] parts = owner.split(":");
        if (parts.length != 3 || !parts[0].equals(LocalProcess.hostName())) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return pid != LocalProcess.pid() && !LocalProcess.alive(pid);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
