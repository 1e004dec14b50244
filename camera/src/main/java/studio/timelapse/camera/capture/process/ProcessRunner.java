package studio.timelapse.camera.capture.process;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Runs a camera tool as a child process and makes sure it is gone by the deadline: past it, the tool and every
 * process it started are killed (a hung {@code rpicam-still} or {@code gphoto2} holds the camera until it dies).
 * Each run logs {@code camera:process:exited} inside the caller's action, with the command, pid, exit code and
 * duration.
 *
 * <p>The children get this runner's environment on top of the agent's: the {@code PATH} the tools were found on, and
 * the C locale so that their error messages read the same everywhere.
 */
public final class ProcessRunner {
    /** The most output kept per stream; a tool that prints more keeps its last bytes. */
    public static final int OUTPUT_LIMIT = 256 * 1024;
    /** How long to wait for a killed process to be gone before reporting it anyway. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    /** How often a wait for a tool looks at the clock again. */
    private static final Duration CLOCK_CHECK = Duration.ofMillis(100);
    /** How long to keep reading output after the tool exited, in case a grandchild still holds the pipe. */
    private static final long DRAIN_MILLIS = 2_000;

    private final ActionLog log;
    private final Clock clock;
    private final Map<String, String> environment;
    private volatile Process running;

    public ProcessRunner(ActionLog log, Clock clock, Executables tools) {
        this.log = log;
        this.clock = clock;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", tools.pathVariable());
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        this.environment = Map.copyOf(env);
    }

    /**
     * Runs {@code command} until it exits or {@code deadline} passes.
     *
     * @throws IOException if the tool cannot be started at all (missing, not executable)
     * @throws InterruptedException if this thread is interrupted; the tool is killed first
     */
    public ProcessOutcome run(List<String> command, Instant deadline) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Instant started = clock.instant();
        Process process = builder.start();
        running = process;
        boolean ended = false;
        try {
            process.getOutputStream().close(); // the tools read nothing from us
            OutputTail stdout = new OutputTail(process.getInputStream(), OUTPUT_LIMIT, "stdout-" + process.pid());
            OutputTail stderr = new OutputTail(process.getErrorStream(), OUTPUT_LIMIT, "stderr-" + process.pid());
            boolean killed = !waitUntil(process, deadline);
            List<ProcessHandle> survivors = List.of();
            if (killed) {
                survivors = killTree(process.toHandle());
                process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            ended = true;
            Duration duration = Duration.between(started, clock.instant());
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            ProcessOutcome outcome = new ProcessOutcome(command, process.pid(), exitCode, killed, duration,
                    stdout.await(DRAIN_MILLIS), stderr.await(DRAIN_MILLIS));
            log.message("camera:process:exited", "command", outcome.commandLine(), "pid", outcome.pid(),
                    "exit_code", exitCode, "duration_ms", duration.toMillis(), "killed_at_deadline", killed,
                    "survivors", survivors.stream().map(ProcessHandle::pid).toList());
            return outcome;
        } catch (InterruptedException e) {
            log.message("camera:process:killed", "command", CommandLine.format(command), "pid", process.pid(),
                    "reason", "interrupted");
            throw e;
        } finally {
            running = null;
            if (!ended) {
                // Interrupted, or something unexpected: a tool is never left running behind a failed capture.
                killTree(process.toHandle());
            }
        }
    }

    /**
     * {@link #run} for a camera tool, with failures to start in capture terms.
     *
     * @throws CaptureException {@link Kind#TIMEOUT} without starting anything if the deadline has passed;
     *     {@link Kind#MISCONFIGURED} if the tool cannot be started
     */
    public ProcessOutcome runTool(List<String> command, Instant deadline)
            throws CaptureException, InterruptedException {
        if (!clock.instant().isBefore(deadline)) {
            throw new CaptureException(Kind.TIMEOUT, "the deadline " + deadline + " had passed before "
                    + command.get(0) + " could start");
        }
        try {
            return run(command, deadline);
        } catch (IOException e) {
            throw new CaptureException(Kind.MISCONFIGURED, "could not start " + command.get(0) + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Waits for the process until {@code deadline} on this runner's clock, looking at the clock again at least every
     * {@link #CLOCK_CHECK}: the deadline is the clock's, so a clock that is set (or, in tests, moved) while the tool
     * runs moves the kill with it.
     */
    private boolean waitUntil(Process process, Instant deadline) throws InterruptedException {
        while (true) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return !process.isAlive();
            }
            if (process.waitFor(Math.min(left, CLOCK_CHECK.toMillis()), TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
    }

    /** Kills the tool that is running now, if any, with its children: for {@code close()} from another thread. */
    public void killRunning() {
        Process process = running;
        if (process != null) {
            killTree(process.toHandle());
        }
    }

    /**
     * Kills {@code root} and every process below it with SIGKILL and returns those still alive after a grace of a
     * few seconds (normally none). The descendants are listed first: once the root is dead they belong to init and
     * can no longer be found through it.
     */
    public static List<ProcessHandle> killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroyForcibly);
        return tree.stream().filter(handle -> !exited(handle)).toList();
    }

    private static boolean exited(ProcessHandle handle) {
        try {
            handle.onExit().get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
