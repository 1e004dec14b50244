package studio.timelapse.desktop.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's camera: the real camera agent with its synthetic camera, in its own process on loopback, exactly as
 * {@code ./timelapse camera run} starts it, with its data in its own folder. The pairing window is opened the way a
 * person on the camera opens it: {@code ./timelapse camera pair}, another process, whose console shows the code.
 */
final class DemoAgent implements AutoCloseable {
    static final String CAMERA_MAIN = "studio.timelapse.camera.cli.CameraMain";
    private static final Pattern PORT = Pattern.compile("on https port (\\d+)");
    private static final Pattern CODE = Pattern.compile("^\\s*code\\s+([0-9 ]+)$");
    private static final Pattern FINGERPRINT = Pattern.compile("^\\s*fingerprint\\s+(\\S.*)$");

    private final Process process;
    private final Path home;
    private final int port;
    private final List<String> output;

    private DemoAgent(Process process, Path home, int port, List<String> output) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.output = output;
    }

    /** The code and fingerprint the camera's console shows when its pairing window opens. */
    record PairingWindow(String code, String fingerprintShort) {}

    /** Starts the agent, its simulated day lasting {@code day}, and waits until it serves. */
    static DemoAgent start(Path home, Duration day, Duration timeout) throws IOException, InterruptedException {
        Process process = camera(home, "run", "--host", "127.0.0.1", "--port", "0", "--simulate-day",
                day.toMillis() + "ms").start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // the agent ended; its exit is noticed below
            }
        }, "demo-agent-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher port = PORT.matcher(line);
                if (port.find()) {
                    return new DemoAgent(process, home, Integer.parseInt(port.group(1)), output);
                }
            } else if (!process.isAlive()) {
                throw new IOException("The demo camera stopped at once (exit " + process.exitValue() + "): "
                        + String.join(" / ", output));
            }
        }
        process.destroyForcibly();
        throw new IOException("The demo camera did not start within " + timeout.toSeconds() + " s: "
                + String.join(" / ", output));
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    /** Opens the pairing window as a person at the camera would, and reads the code from that console. */
    PairingWindow openPairing() throws IOException, InterruptedException {
        Process pair = camera(home, "pair").start();
        String text = new String(pair.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pair.waitFor(60, TimeUnit.SECONDS) || pair.exitValue() != 0) {
            throw new IOException("The demo camera's pairing window did not open: " + text.strip());
        }
        Optional<String> code = Optional.empty();
        Optional<String> fingerprint = Optional.empty();
        for (String line : text.split("\\R")) {
            Matcher codeLine = CODE.matcher(line);
            if (codeLine.matches()) {
                code = Optional.of(codeLine.group(1).replace(" ", ""));
            }
            Matcher fingerprintLine = FINGERPRINT.matcher(line);
            if (fingerprintLine.matches()) {
                fingerprint = Optional.of(fingerprintLine.group(1).strip());
            }
        }
        if (code.isEmpty() || fingerprint.isEmpty()) {
            throw new IOException("The demo camera's console showed no pairing code: " + text.strip());
        }
        return new PairingWindow(code.get(), fingerprint.get());
    }

    /** Stops the agent as Ctrl-C would (it finishes the frame it is writing), or forcibly if it does not stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** {@code timelapse camera ARGS}: this Java, this class path, the camera's data in {@code home}. */
    private static ProcessBuilder camera(Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CAMERA_MAIN);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TIMELAPSE_CAMERA_HOME", home.toString());
        return builder;
    }
}
