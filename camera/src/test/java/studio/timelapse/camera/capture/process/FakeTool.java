package studio.timelapse.camera.capture.process;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fake camera tool for tests: the shell script {@code capture/fake-tool.sh} installed under a tool's name in
 * {@code <home>/bin}. It refuses options the real tool does not take, records every argument list, and does what
 * the test queues: write a real JPEG, write garbage, fail with the tool's error words, or hang until killed.
 *
 * <p>{@link #path()} is the PATH for the backend: the fakes, then links to the few system commands the script
 * uses — and nothing else, so a real camera tool on the machine can never be picked up.
 */
public final class FakeTool {
    private static final List<String> SCRIPT_NEEDS = List.of("cat", "cp", "head", "tail", "wc", "mv", "sleep",
            "dirname", "basename");

    private final Path home;
    private final String name;

    private FakeTool(Path home, String name) {
        this.home = home;
        this.name = name;
    }

    /**
     * Installs a fake {@code name} in {@code home}.
     *
     * @param options each option the real tool takes, with its kind: {@code flag}, {@code value}, or
     *     {@code output} (a value naming the file to write)
     */
    public static FakeTool install(Path home, String name, Map<String, String> options) {
        try {
            Path bin = Files.createDirectories(home.resolve("bin"));
            wrapSystemCommands(home);
            Path script = bin.resolve(name);
            try (InputStream source = FakeTool.class.getResourceAsStream("/capture/fake-tool.sh")) {
                Files.copy(source, script);
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(home.resolve(name + ".options"), options.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue() + "\n").collect(Collectors.joining()));
            FakeTool tool = new FakeTool(home, name);
            tool.willRun("jpeg");
            return tool;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One-line scripts that run the host's commands (not links, which JUnit warns about when it cleans up). */
    private static void wrapSystemCommands(Path home) throws IOException {
        Path system = Files.createDirectories(home.resolve("system"));
        Executables host = Executables.systemPath();
        for (String command : SCRIPT_NEEDS) {
            Path wrapper = system.resolve(command);
            if (!Files.exists(wrapper)) {
                Path real = host.find(command).orElseThrow(
                        () -> new IllegalStateException("the fake tools need " + command + " on the PATH"));
                Files.writeString(wrapper, "#!/bin/sh\nexec '" + real + "' \"$@\"\n");
                Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** The PATH for the backend under test. */
    public Executables path() {
        return Executables.fromPath(home.resolve("bin") + File.pathSeparator + home.resolve("system"));
    }

    /**
     * What the next runs do, one behaviour each; the last one repeats: {@code jpeg}, {@code raw}, {@code garbage},
     * {@code truncated}, {@code empty}, {@code nothing} (exit 0, no file), {@code hang}, or
     * {@code fail:<exit code>:<stderr, with \n for new lines>}.
     */
    public FakeTool willRun(String... behaviours) {
        write(name + ".queue", String.join("\n", behaviours) + "\n");
        return this;
    }

    /** What a successful run prints on stdout. */
    public FakeTool printing(String stdout) {
        write(name + ".stdout", stdout);
        return this;
    }

    /** Where the JPEG is that a {@code jpeg} run writes. */
    public Path frame() {
        return home.resolve("frame.jpg");
    }

    public Path executable() {
        return home.resolve("bin").resolve(name);
    }

    /** The argument lists of every run so far (without the program name). */
    public List<List<String>> calls() {
        List<List<String>> calls = new ArrayList<>();
        for (String line : lines(name + ".argv")) {
            if (line.equals("--- call")) {
                calls.add(new ArrayList<>());
            } else {
                calls.get(calls.size() - 1).add(line);
            }
        }
        return calls;
    }

    public List<String> lastCall() {
        List<List<String>> calls = calls();
        return calls.isEmpty() ? List.of() : calls.get(calls.size() - 1);
    }

    /** Options the fake refused because the real tool would not know them. */
    public List<String> unexpectedOptions() {
        return lines(name + ".unexpected");
    }

    /** Waits until a {@code hang} run has started its child, then returns its pid and the child's. */
    public List<Long> awaitHanging() {
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(home.resolve(name + ".pid")));
        return List.of(Long.parseLong(read(name + ".pid").strip()), Long.parseLong(read(name + ".child.pid").strip()));
    }

    private List<String> lines(String file) {
        String text = read(file);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private String read(String file) {
        try {
            Path path = home.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String text) {
        try {
            Files.writeString(home.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
