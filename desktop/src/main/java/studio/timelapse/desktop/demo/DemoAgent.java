package studio.timelapse.desktop.demo;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.shared.home.AppHome;

/**
 * The demo camera: the real camera agent with its synthetic camera, in its own process on loopback, exactly as
 * {@code ./timelapse camera run} starts it, with its data in its own folder. The pairing window is opened the way a
 * person on the camera opens it: {@code ./timelapse camera pair}, another process, whose console shows the code.
 * Used by {@code ./timelapse demo} and by the window's "Start the demo camera". The agent is started by its main
 * class name, so the studio links none of the agent's code.
 */
public final class DemoAgent implements AutoCloseable {
    /** The agent's command line ({@code ./timelapse camera}), in the camera jar on the studio's class path. */
    static final String CAMERA_MAIN = "studio.timelapse.camera.cli.CameraMain";
    private static final Pattern PORT = Pattern.compile("on https port (\\d+)");
    private static final Pattern CODE = Pattern.compile("^\\s*code\\s+([0-9][0-9 ]*[0-9])\\s*$");
    private static final Pattern FINGERPRINT = Pattern.compile("^\\s*fingerprint\\s+(\\S.*\\S)\\s*$");
    private static final Duration PAIRING_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path home;
    private final int port;
    private final Output output;

    private DemoAgent(Process process, Path home, int port, Output output) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.output = output;
    }

    /** The code and fingerprint the camera's console shows when its pairing window opens. */
    public record PairingWindow(String code, String fingerprintShort) {}

    /**
     * Starts the agent, its simulated day lasting {@code day}, and waits until it serves.
     *
     * @throws IOException when it cannot be started or does not say where it listens within {@code timeout}; the
     *     message carries the last lines it printed
     */
    public static DemoAgent start(Path home, Duration day, Duration timeout) throws IOException, InterruptedException {
        Path absolute = home.toAbsolutePath();
        Files.createDirectories(absolute);
        Process process = camera(absolute, "run", "--host", "127.0.0.1", "--port", "0", "--simulate-day",
                day.toMillis() + "ms").start();
        Output output = new Output(process);
        Optional<String> ready;
        try {
            ready = output.await(line -> PORT.matcher(line).find(), timeout);
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
        if (ready.isEmpty()) {
            stop(process);
            throw new IOException(process.isAlive() || !output.ended()
                    ? "The demo camera did not start within " + timeout.toSeconds() + " s: " + output.text()
                    : "The demo camera stopped at once: " + output.text());
        }
        Matcher port = PORT.matcher(ready.get());
        port.find();
        return new DemoAgent(process, absolute, Integer.parseInt(port.group(1)), output);
    }

    public int port() {
        return port;
    }

    /** Where the agent listens: loopback, on the port it chose. */
    public AgentAddress address() {
        return AgentAddress.of("127.0.0.1", port);
    }

    /** The agent's home: its settings, identity, frames and logs. */
    public Path home() {
        return home;
    }

    /** Whether the agent's process still runs. */
    public boolean running() {
        return process.isAlive();
    }

    /**
     * Opens the pairing window as a person at the camera would, and reads the code from that console.
     *
     * @throws IOException when the console command fails, hangs or shows no code; the message carries its output
     */
    public PairingWindow openPairing() throws IOException, InterruptedException {
        Process pair = camera(home, "pair").start();
        Output console = new Output(pair);
        if (!pair.waitFor(PAIRING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                || !console.awaitEnd(Duration.ofSeconds(5))) {
            pair.destroyForcibly();
            throw new IOException("The demo camera's pairing window did not open within "
                    + PAIRING_TIMEOUT.toSeconds() + " s: " + console.text());
        }
        Optional<String> code = Optional.empty();
        Optional<String> fingerprint = Optional.empty();
        for (String line : console.lines()) {
            Matcher codeLine = CODE.matcher(line);
            if (codeLine.matches()) {
                code = Optional.of(codeLine.group(1).replace(" ", ""));
            }
            Matcher fingerprintLine = FINGERPRINT.matcher(line);
            if (fingerprintLine.matches()) {
                fingerprint = Optional.of(fingerprintLine.group(1));
            }
        }
        if (pair.exitValue() != 0 || code.isEmpty() || fingerprint.isEmpty()) {
            throw new IOException("The demo camera's console showed no pairing code (exit " + pair.exitValue()
                    + "): " + console.text());
        }
        return new PairingWindow(code.get(), fingerprint.get());
    }

    /** Stops the agent as Ctrl-C would (it finishes the frame it is writing), or forcibly if it does not stop. */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** {@code timelapse camera ARGS}: this Java, this class path, the camera's data in {@code home}. */
    private static ProcessBuilder camera(Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CAMERA_MAIN);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(AppHome.AGENT_HOME_VARIABLE, home.toString());
        return builder;
    }

    /**
     * A child's output, read as it comes so its pipe never fills; only the last lines are kept (for error messages
     * and the pairing code), so an agent that runs for days does not grow the studio's memory.
     */
    private static final class Output {
        private static final int KEEP = 40;
        private final Deque<String> lines = new ArrayDeque<>();
        private boolean ended;

        Output(Process process) {
            Thread reader = new Thread(() -> pump(process), "demo-agent-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void pump(Process process) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
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
                    ended = true;
                    notifyAll();
                }
            }
        }

        /** Waits for a line that passes {@code test}; empty if the output ended or the time ran out first. */
        synchronized Optional<String> await(Predicate<String> test, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<String> found = lines.stream().filter(test).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || ended || left <= 0) {
                    return found;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        /** Waits until the output has ended; false if it had not within {@code timeout}. */
        synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); !ended && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            return ended;
        }

        synchronized boolean ended() {
            return ended;
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized String text() {
            return lines.isEmpty() ? "(it printed nothing)" : String.join(" / ", lines);
        }
    }
}
