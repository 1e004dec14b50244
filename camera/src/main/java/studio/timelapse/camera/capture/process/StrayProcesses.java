package studio.timelapse.camera.capture.process;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.shared.actionlog.Action;

/**
 * Finds leftover runs of a camera tool that hold the camera: started by this agent and not reaped (a child of ours
 * whose name matches), or started by an earlier agent that was killed (same OS user, matching name, and the
 * executable in one of the directories the backend takes its tools from). Anything else — another user's
 * processes, a tool installed elsewhere — is left alone.
 */
public final class StrayProcesses {
    private static final Set<String> SHELLS = Set.of("sh", "dash", "bash", "busybox");

    private final List<String> namePrefixes;
    private final Executables tools;

    /** @param namePrefixes executable names to look for, e.g. {@code rpicam-} and {@code libcamera-} */
    public StrayProcesses(List<String> namePrefixes, Executables tools) {
        this.namePrefixes = List.copyOf(namePrefixes);
        this.tools = tools;
    }

    /**
     * Kills every stray with its children, logging {@code camera:process:killing_stray} for each inside
     * {@code action} and adding the killed pids to its success fields.
     *
     * @throws CaptureException {@link Kind#FAILED} if any survived SIGKILL (stuck in a driver: only a reboot helps)
     */
    public void killAll(Action action) throws CaptureException {
        List<Long> killed = new ArrayList<>();
        List<Long> survivors = new ArrayList<>();
        for (ProcessHandle stray : find()) {
            action.log("camera:process:killing_stray", "pid", stray.pid(),
                    "command", stray.info().commandLine().orElse("?"));
            killed.add(stray.pid());
            ProcessRunner.killTree(stray).forEach(survivor -> survivors.add(survivor.pid()));
        }
        if (!survivors.isEmpty()) {
            throw new CaptureException(Kind.FAILED, "processes " + survivors + " survived SIGKILL (stuck in the "
                    + "camera driver?): only a reboot frees the camera now");
        }
        action.addSuccessFields("killed", killed);
    }

    public List<ProcessHandle> find() {
        ProcessHandle self = ProcessHandle.current();
        Optional<String> user = self.info().user();
        Map<Long, ProcessHandle> found = new LinkedHashMap<>();
        self.descendants().filter(this::namedLikeATool).forEach(handle -> found.put(handle.pid(), handle));
        Stream<ProcessHandle> sameUser = ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != self.pid())
                .filter(handle -> user.isPresent() && handle.info().user().equals(user));
        sameUser.filter(this::namedLikeATool).filter(this::fromOurTools)
                .forEach(handle -> found.putIfAbsent(handle.pid(), handle));
        return List.copyOf(found.values());
    }

    private boolean namedLikeATool(ProcessHandle handle) {
        return executable(handle).map(path -> path.getFileName().toString())
                .filter(name -> namePrefixes.stream().anyMatch(name::startsWith)).isPresent();
    }

    private boolean fromOurTools(ProcessHandle handle) {
        return executable(handle).map(Path::getParent).map(Path::toAbsolutePath).map(Path::normalize)
                .filter(directory -> tools.directories().stream()
                        .anyMatch(ours -> ours.toAbsolutePath().normalize().equals(directory)))
                .isPresent();
    }

    /** The program a process runs: its executable, or for a shell script the script (how the fakes in tests run). */
    static Optional<Path> executable(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        Optional<Path> command = info.command().flatMap(StrayProcesses::path);
        if (command.isPresent() && SHELLS.contains(command.get().getFileName().toString())) {
            return info.arguments().filter(arguments -> arguments.length > 0).flatMap(arguments -> path(arguments[0]));
        }
        return command;
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
