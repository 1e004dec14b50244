package studio.timelapse.camera.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import studio.timelapse.camera.store.RetentionPolicy;
import studio.timelapse.shared.process.LocalProcess;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The agent's own settings, kept in {@code <home>/agent.json}: who it is on the LAN, where it listens, what it
 * captures, how it keeps its disk, and its pins. Written whole and renamed into place, so a power cut never leaves half
 * a file.
 *
 * @param id stable identity the studio keys the camera by (mDNS names can change); made on first start
 * @param name what people see: "Garden Pi"
 * @param bindHost the address the API listens on ({@code 0.0.0.0}: every interface; {@code 127.0.0.1} for tests)
 * @param port the HTTPS port of {@code /api/v1}
 * @param announce whether to announce the agent over mDNS
 * @param capture the capture configuration the studio edits
 * @param minFreeMegabytes retention keeps at least this much free
 * @param deleteUnsynced whether retention may delete frames the studio has not stored (off unless a user says so)
 * @param captureTimeoutSeconds how long one capture may take before the watchdog kills it and resets the camera
 * @param ledPin the status LED's BCM pin
 * @param buttonPin the button's BCM pin
 */
public record AgentSettings(String id, String name, String bindHost, int port, boolean announce, CaptureConfig capture,
        long minFreeMegabytes, boolean deleteUnsynced, double captureTimeoutSeconds, int ledPin, int buttonPin) {

    public static final int DEFAULT_PORT = 8443;

    /** First-start settings: the synthetic camera, every 2 s, on all interfaces, announced. */
    public static AgentSettings firstStart() {
        return new AgentSettings(UUID.randomUUID().toString(), LocalProcess.hostName() + " camera", "0.0.0.0",
                DEFAULT_PORT, true, CaptureConfig.demo(), RetentionPolicy.DEFAULT_MIN_FREE_BYTES >> 20, false, 30, 17,
                27);
    }

    public AgentSettings withCapture(CaptureConfig newCapture) {
        return new AgentSettings(id, name, bindHost, port, announce, newCapture, minFreeMegabytes, deleteUnsynced,
                captureTimeoutSeconds, ledPin, buttonPin);
    }

    public AgentSettings withNetwork(String host, int newPort, boolean announced) {
        return new AgentSettings(id, name, host, newPort, announced, capture, minFreeMegabytes, deleteUnsynced,
                captureTimeoutSeconds, ledPin, buttonPin);
    }

    public RetentionPolicy retention() {
        return RetentionPolicy.defaults().withMinFree(minFreeMegabytes << 20, 0).withDeleteUnsynced(deleteUnsynced);
    }

    /** Every mistake at once, the capture configuration's included. */
    public List<Refusal> problems() {
        List<Refusal> problems = new ArrayList<>(capture.problems());
        if (name == null || name.isBlank() || name.length() > 63) {
            problems.add(invalid("name", "A camera's name is 1 to 63 characters (it is announced on the LAN)"));
        }
        if (port < 1 || port > 65_535) {
            problems.add(invalid("port", "The port must be 1 to 65535, was " + port));
        }
        if (!(captureTimeoutSeconds >= 1 && captureTimeoutSeconds <= 3600)) {
            problems.add(invalid("captureTimeoutSeconds", "The capture timeout must be 1 s to 1 h"));
        }
        if (minFreeMegabytes < 0) {
            problems.add(invalid("minFreeMegabytes", "The free space to keep cannot be negative"));
        }
        return problems;
    }

    private static Refusal invalid(String field, String reason) {
        return Refusal.of(Refusal.Kind.INVALID, "settings." + field, reason, "edit agent.json in the agent's home")
                .withDetails(Map.of("field", field));
    }

    public Optional<Refusal> firstProblem() {
        return problems().stream().findFirst();
    }
}
