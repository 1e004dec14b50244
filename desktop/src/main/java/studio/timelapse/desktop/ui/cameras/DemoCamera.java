package studio.timelapse.desktop.ui.cameras;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.shared.home.AppHome;

/**
 * The demo camera: a real camera agent with the synthetic camera, run as a child process of the studio on loopback
 * (its home inside the studio's), exactly as {@code ./timelapse camera run} runs one on a Pi. Its pairing window is
 * opened the way a person opens it at the camera, with {@code ./timelapse camera pair} — another child process —
 * whose code and fingerprint the studio then uses in the real pairing handshake. The agent is started by its main
 * class name, so the studio links none of the agent's code. Stopped with the studio.
 */
public final class DemoCamera implements AutoCloseable {
    /** The agent's command line ({@code ./timelapse camera}), in the camera jar on the studio's class path. */
    static final String AGENT_MAIN = "studio.timelapse.camera.cli.CameraMain";
    /** A whole day of the synthetic sky every two minutes, so a new user sees dawn, day and dusk go by. */
    static final String SIMULATED_DAY = "2m";

    private static final Pattern PORT = Pattern.compile("on https port (\\d+)");
    private static final Pattern CODE = Pattern.compile("^\\s*code\\s+([0-9][0-9 ]+[0-9])\\s*$");
    private static final Pattern FINGERPRINT = Pattern.compile("^\\s*fingerprint\\s+(\\S.*\\S)\\s*$");

    private final Path agentHome;
    private final List<String> java;
    private Process agent;
    private Output agentOutput;
    private AgentAddress address;

    /** What the console shows when pairing opens: the code to enter and the fingerprint to compare. */
    public record PairingCode(String code, String fingerprint) {}

    /** @param agentHome the agent's home (its settings, identity, frames and logs), made on first start */
    public DemoCamera(Path agentHome) {
        this.agentHome = agentHome.toAbsolutePath();
        this.java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp",
                System.getProperty("java.class.path"));
    }

    public Path home() {
        return agentHome;
    }

    /** Whether the agent process runs now. */
    public synchronized boolean running() {
        return agent != null && agent.isAlive();
    }

    /**
     * Starts the agent on a free loopback port (unless it runs already) and answers where it listens.
     *
     * @throws IOException when it cannot be started or does not say where it listens within {@code timeout}; the
     *     message carries what it printed
     */
    public synchronized AgentAddress start(Duration timeout) throws IOException {
        if (running()) {
            return address;
        }
        Files.createDirectories(agentHome);
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(AGENT_MAIN, "run", "--host", "127.0.0.1", "--port", "0", "--simulate-day",
                SIMULATED_DAY));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(AppHome.AGENT_HOME_VARIABLE, agentHome.toString());
        agent = builder.start();
        agentOutput = new Output(agent);
        Optional<String> ready = agentOutput.await(line -> PORT.matcher(line).find(), timeout);
        if (ready.isEmpty()) {
            String said = agentOutput.text();
            stop();
            throw new IOException("the demo camera did not start within " + timeout.toSeconds() + " s"
                    + (said.isBlank() ? "" : "; it said: " + said));
        }
        Matcher port = PORT.matcher(ready.get());
        port.find();
        address = AgentAddress.of("127.0.0.1", Integer.parseInt(port.group(1)));
        return address;
    }

    /**
     * Opens the agent's pairing window as a person at the camera would ({@code ./timelapse camera pair}).
     *
     * @throws IOException when the console command fails or does not show a code
     */
    public PairingCode openPairing(Duration timeout) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(AGENT_MAIN, "pair"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(AppHome.AGENT_HOME_VARIABLE, agentHome.toString());
        Process console = builder.start();
        Output output = new Output(console);
        try {
            if (!console.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                console.destroyForcibly();
                throw new IOException("'timelapse camera pair' did not finish within " + timeout.toSeconds() + " s");
            }
            output.finished(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.destroyForcibly();
            throw new IOException("interrupted while opening the demo camera's pairing window", e);
        }
        String code = null;
        String fingerprint = null;
        for (String line : output.lines()) {
            Matcher c = CODE.matcher(line);
            Matcher f = FINGERPRINT.matcher(line);
            if (c.matches()) {
                code = c.group(1).replace(" ", "");
            } else if (f.matches()) {
                fingerprint = f.group(1);
            }
        }
        if (console.exitValue() != 0 || code == null || fingerprint == null) {
            throw new IOException("'timelapse camera pair' showed no code (exit " + console.exitValue() + "): "
                    + output.text());
        }
        return new PairingCode(code, fingerprint);
    }

    /** Stops the agent (and anything it started), waiting a little for it to close its files. */
    public synchronized void stop() {
        if (agent == null) {
            return;
        }
        Process stopping = agent;
        agent = null;
        stopping.descendants().forEach(ProcessHandle::destroy);
        stopping.destroy();
        try {
            if (!stopping.waitFor(10, TimeUnit.SECONDS)) {
                stopping.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A child's output, read as it comes so its pipe never fills; the last lines kept for error messages. */
    private static final class Output {
        private static final int KEEP = 40;
        private final Deque<String> lines = new ArrayDeque<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        Output(Process process) {
            Thread reader = new Thread(() -> pump(process), "demo-camera-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void pump(Process process) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (this) {
                        lines.addLast(line);
                        if (lines.size() > KEEP) {
                            lines.removeFirst();
                        }
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process ended or was killed: what it said so far is all there is.
            } finally {
                synchronized (this) {
                    ended.complete(null);
                    notifyAll();
                }
            }
        }

        /** Waits for a line that passes {@code test}; empty if the output ended or the time ran out first. */
        synchronized Optional<String> await(java.util.function.Predicate<String> test, Duration timeout)
                throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<String> found = lines.stream().filter(test).findFirst();
                if (found.isPresent()) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (ended.isDone() || left <= 0) {
                    return Optional.empty();
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the demo camera", e);
                }
            }
        }

        void finished(Duration timeout) throws IOException {
            try {
                ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the console's output did not end", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized String text() {
            return String.join("\n", lines);
        }
    }
}
