package studio.timelapse.desktop.render.encode.x264;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a program on a PATH, as a shell would (with Windows' extensions there). The environment is given, for tests. */
public final class ExecutableLocator {
    private final Map<String, String> environment;
    private final boolean windows;

    public ExecutableLocator(Map<String, String> environment, boolean windows) {
        this.environment = Map.copyOf(environment);
        this.windows = windows;
    }

    /** The locator of this process: its PATH, its operating system. */
    public static ExecutableLocator ofThisProcess() {
        return new ExecutableLocator(System.getenv(),
                System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows"));
    }

    public Optional<Path> find(String program) {
        String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
        List<String> names = windows ? List.of(program + ".exe", program + ".cmd", program) : List.of(program);
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
