package studio.timelapse.camera.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import studio.timelapse.camera.api.CameraControl;
import studio.timelapse.camera.capture.FrameCapture;
import studio.timelapse.camera.control.CaptureControl;
import studio.timelapse.camera.control.CaptureMachine;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.camera.store.StoreStats;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.ErrorReport;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.state.Principal;

/**
 * The camera as the API controls it: commands through the capture state machine, "capture now" and the preview
 * through the frame capture, the configuration saved in agent.json. Every authenticated caller is a paired studio,
 * which may control capture.
 */
final class AgentCamera implements CameraControl {
    static final Principal STUDIO = Principal.of("paired studio", CaptureMachine.CONTROL);
    private static final Path THERMAL_ZONE = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private final CaptureControl control;
    private final FrameCapture capture;
    private final FrameStore store;
    private final AgentSettingsFile settingsFile;
    private final AtomicReference<AgentSettings> settings;
    private final Function<CaptureConfig, List<Refusal>> problems;
    private final Clock clock;
    private final AtomicReference<Optional<ErrorReport>> lastError = new AtomicReference<>(Optional.empty());

    AgentCamera(CaptureControl control, FrameCapture capture, FrameStore store, AgentSettingsFile settingsFile,
            AtomicReference<AgentSettings> settings, Function<CaptureConfig, List<Refusal>> problems, Clock clock) {
        this.control = control;
        this.problems = problems;
        this.capture = capture;
        this.store = store;
        this.settingsFile = settingsFile;
        this.settings = settings;
        this.clock = clock;
    }

    /** Remembers the last failure for the status ("why is it red?"), with its task for the log. */
    void failed(String reason, Optional<String> taskUuid) {
        lastError.set(Optional.of(new ErrorReport(clock.instant(), reason, taskUuid)));
    }

    @Override
    public AgentStatus status() {
        StoreStats stats = store.stats();
        // The machine's constant, as the protocol says, so a studio can compare it; the reason for a held or paused
        // capture reaches the studio in the state-change event's "why".
        return new AgentStatus(control.state().state().name(),
                settings.get().capture(), stats.space().usableBytes(), stats.lastSequence(), stats.unsyncedFrames(),
                lastError.get(), temperature());
    }

    @Override
    public CaptureConfig config() {
        return settings.get().capture();
    }

    @Override
    public CaptureConfig configure(CaptureConfig config, String why) {
        List<Refusal> found = problems.apply(config);
        if (!found.isEmpty()) {
            throw new RefusedException(found);
        }
        AgentSettings changed = settings.get().withCapture(config);
        try {
            settingsFile.save(changed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + settingsFile.file(), e);
        }
        settings.set(changed);
        control.restartIfRunning(why);
        return config;
    }

    @Override
    public List<Refusal> explain(CaptureCommand command) {
        return control.explain(STUDIO, transition(command));
    }

    @Override
    public AgentStatus perform(CaptureCommand command, String why) {
        if (command == CaptureCommand.NOW) {
            List<Refusal> refusals = explain(command);
            if (!refusals.isEmpty()) {
                throw new RefusedException(refusals);
            }
            try {
                capture.captureNow();
            } catch (RefusedException e) {
                throw e;
            } catch (Exception e) {
                failed(e.getMessage() == null ? e.toString() : e.getMessage(), Optional.empty());
                throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "camera.capture_failed",
                        "The frame could not be taken: " + e.getMessage(), "look at the agent's log for this request"));
            }
        } else {
            control.command(STUDIO, transition(command), why);
        }
        return status();
    }

    @Override
    public byte[] preview() {
        try {
            return capture.preview(FrameSettings.automatic().withSize(640, 360));
        } catch (RefusedException e) {
            throw e;
        } catch (Exception e) {
            throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "camera.preview_failed",
                    "No preview: " + e.getMessage(), "check the camera; the agent's log has the details"));
        }
    }

    private static String transition(CaptureCommand command) {
        return command == CaptureCommand.NOW ? "capture_now" : command.wireName();
    }

    /** The board's temperature where the kernel tells it (a Raspberry Pi does), in °C. */
    private static Optional<Double> temperature() {
        try {
            return Optional.of(Long.parseLong(Files.readString(THERMAL_ZONE).trim()) / 1000.0);
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Optional.empty();
        }
    }
}
