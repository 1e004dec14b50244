package studio.timelapse.shared.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This process as other processes and logs name it: host and pid. */
public final class LocalProcess {
    private LocalProcess() {}

    /** The machine's name, read without a DNS look-up (which could leave the machine). */
    public static String hostName() {
        for (String variable : List.of("HOSTNAME", "COMPUTERNAME")) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.trim();
            }
        }
        for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            try {
                String name = Files.readString(Path.of(file)).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException e) {
                // Try the next source.
            }
        }
        return "localhost";
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Whether process {@code pid} on this machine is still alive. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
