package studio.timelapse.camera.capture.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the backends look for their tools: the directories of a {@code PATH}, searched in order. The same
 * {@code PATH} is handed to the tools they start, so a test can put fakes first without touching the JVM's own
 * environment.
 */
public final class Executables {
    private final List<Path> directories;

    private Executables(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** The directories of a {@code PATH} value ({@code /usr/local/bin:/usr/bin}); empty entries are skipped. */
    public static Executables fromPath(String pathVariable) {
        List<Path> directories = new ArrayList<>();
        for (String entry : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                directories.add(Path.of(entry));
            } catch (InvalidPathException e) {
                // A malformed entry cannot hold a tool; the shell would skip it too.
            }
        }
        return new Executables(directories);
    }

    /** The agent's own {@code PATH}. */
    public static Executables systemPath() {
        return fromPath(System.getenv("PATH"));
    }

    /** {@code first} searched before this {@code PATH}. */
    public Executables withFirst(Path first) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(directories);
        return new Executables(all);
    }

    /** The first executable file called {@code name} in these directories. */
    public Optional<Path> find(String name) {
        for (Path directory : directories) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The first of {@code names} found anywhere on the path: {@code rpicam-still} before {@code libcamera-still}. */
    public Optional<Path> findFirst(List<String> names) {
        for (String name : names) {
            Optional<Path> found = find(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public List<Path> directories() {
        return directories;
    }

    /** The value for a child's {@code PATH}. */
    public String pathVariable() {
        return String.join(File.pathSeparator, directories.stream().map(Path::toString).toList());
    }

    @Override
    public String toString() {
        return pathVariable();
    }
}
