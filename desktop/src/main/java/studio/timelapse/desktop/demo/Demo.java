package studio.timelapse.desktop.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import studio.timelapse.desktop.cameras.CameraDirectory;
import studio.timelapse.desktop.cameras.CameraPairing;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.cameras.IntervalRefusals;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.desktop.sync.SyncTrigger;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The whole studio in one go, with nothing but Java: a camera agent with the synthetic camera starts on loopback,
 * the studio pairs with it through the real pairing flow, the camera captures a simulated day while the studio syncs
 * every frame as it is announced, and the day is rendered to an MP4. Everything it makes stays: the library, the
 * camera's data, the logs and the video, so the user can look at them (and at the log of each step) afterwards.
 */
public final class Demo {
    private final Options options;
    private final PrintWriter out;

    /**
     * @param home the studio's home: the library goes in {@code library/}, the camera's data in {@code demo-camera/},
     *     the video in {@code videos/}
     * @param day how long the simulated day lasts in real time
     * @param intervalSeconds start-to-start interval of the camera
     * @param width frame width
     * @param height frame height
     * @param render whether to render the day (off only for tests of the capture and sync part)
     */
    public record Options(Path home, Duration day, double intervalSeconds, int width, int height, boolean render) {
        public static Options defaults(Path home) {
            return new Options(home, Duration.ofMinutes(2), 0.5, 1280, 720, true);
        }
    }

    /** What the demo made. */
    public record Result(String cameraId, long framesCaptured, long framesInLibrary, Optional<Path> video,
            Path library, Path cameraHome, String taskUuid) {}

    /** A day's length as the camera's {@code --simulate-day} reads it: 90s, 2m, 1h, PT2M. */
    public static Optional<Duration> parseDuration(String text) {
        return studio.timelapse.camera.capture.synthetic.SimulatedDay.parseDuration(text);
    }

    public Demo(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    public Result run(ActionLog log) throws IOException, InterruptedException {
        Path libraryFolder = options.home().resolve("library");
        Path cameraHome = options.home().resolve("demo-camera");
        try (Action demo = log.start("studio:demo", "home", options.home().toString(), "day_s",
                options.day().toSeconds(), "interval_s", options.intervalSeconds());
                StudioCore core = StudioCore.open(libraryFolder, log, Clock.systemUTC(),
                        StudioCore.Settings.defaults());
                CameraServices cameras = CameraServices.open(core.library())) {
            say("Starting the demo camera (the camera agent with its synthetic camera) on this machine only…");
            try (DemoAgent agent = DemoAgent.start(cameraHome, options.day(), Duration.ofMinutes(2))) {
                say("  camera agent on https://127.0.0.1:" + agent.port() + ", its data in " + cameraHome);
                String cameraId = pair(cameras, agent);
                long captured = captureAndSync(core, cameras, cameraId, log);
                long stored = storedFrames(core, cameraId);
                Optional<Path> video = options.render() ? Optional.of(render(core, cameraId)) : Optional.empty();
                demo.addSuccessFields(java.util.Map.of("camera", cameraId, "captured", captured, "stored", stored));
                say("");
                say("Done. Everything stays where it is:");
                video.ifPresent(v -> say("  video        " + v));
                say("  library      " + libraryFolder + " (" + stored + " frames of the demo camera)");
                say("  camera data  " + cameraHome);
                say("  what happened, step by step: timelapse log " + demo.taskUuid());
                say("Open the studio on this library with: " + launcher() + " studio");
                return new Result(cameraId, captured, stored, video, libraryFolder, cameraHome, demo.taskUuid());
            }
        }
    }

    /** How the user runs us: an installed launcher (jpackage names its path in this property) or the checkout's script. */
    private static String launcher() {
        String installed = System.getProperty("jpackage.app-path");
        return installed != null ? installed : "./timelapse";
    }

    /** Adds the camera by its address and pairs with the code its console shows, checking its fingerprint. */
    private String pair(CameraServices cameras, DemoAgent agent) throws IOException, InterruptedException {
        CameraDirectory.Added added = cameras.directory().add(AgentAddress.of("127.0.0.1", agent.port()),
                Optional.of("Demo camera"));
        String cameraId = added.camera().camera().id();
        DemoAgent.PairingWindow window = agent.openPairing();
        say("Pairing with code " + window.code() + " (fingerprint " + window.fingerprintShort() + ")…");
        CameraPairing.Paired paired = cameras.pairing().pair(cameraId, window.code(),
                Optional.of(window.fingerprintShort()), "Timelapse Studio (demo)");
        say("  paired; the studio trusts only this camera's certificate " + paired.fingerprintShort());
        return cameraId;
    }

    /** Captures the simulated day; every frame the camera announces is synced at once; then the last ones. */
    private long captureAndSync(StudioCore core, CameraServices cameras, String cameraId, ActionLog log)
            throws IOException, InterruptedException {
        CaptureConfig config = configure(cameras, cameraId);
        double interval = config.schedule().intervalSeconds();
        long frames = config.schedule().maxFrames().orElseThrow();
        SyncTrigger trigger = new SyncTrigger(core.sync(), log);
        try (AutoCloseable events = core.cameraLinks().subscribe(cameraId, trigger.listenerFor(cameraId))) {
            cameras.control().command(cameraId, CaptureCommand.START);
            say(String.format(Locale.ROOT, "Capturing a simulated day: %d frames of %dx%d, one every %.1f s, synced"
                    + " as they come…", frames, options.width(), options.height(), interval));
            long deadline = System.nanoTime() + options.day().plusSeconds(60).toNanos();
            long stored = 0;
            long lastShown = -1;
            while (System.nanoTime() < deadline) {
                stored = storedFrames(core, cameraId);
                if (stored / 20 != lastShown / 20 || stored >= frames) {
                    say(String.format(Locale.ROOT, "  %d/%d frames in the library", stored, frames));
                    lastShown = stored;
                }
                if (stored >= frames) {
                    break;
                }
                Thread.sleep(1_000);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            // closing the event stream failed: nothing to do, the stream is gone either way
        }
        Job last = core.sync().request(cameraId);
        Job finished = core.jobs().awaitFinished(last.id(), Duration.ofMinutes(5));
        if (finished.state() != JobState.SUCCEEDED) {
            throw new IOException("The last sync of the demo camera " + finished.state().wire() + ": "
                    + finished.lastError().orElse("no reason given"));
        }
        return frames;
    }

    /**
     * Sets the demo's frames and interval on the camera. A busy or slow machine may not render synthetic frames of
     * that size as fast as the interval asks, and the camera refuses it saying how fast it can go: then the day is
     * captured at that pace instead, in fewer frames.
     */
    private CaptureConfig configure(CameraServices cameras, String cameraId) throws IOException {
        double interval = options.intervalSeconds();
        try {
            return cameras.control().changeSettings(cameraId, config(interval));
        } catch (RefusedException refused) {
            double slower = slowestKeptUp(refused).orElseThrow(() -> refused);
            say(String.format(Locale.ROOT, "  this machine renders %dx%d synthetic frames no faster than one every"
                    + " %.1f s right now; capturing at that pace", options.width(), options.height(), slower));
            return cameras.control().changeSettings(cameraId, config(slower));
        }
    }

    /** The interval the camera said it can keep up with, rounded up to a tenth of a second; empty for other refusals. */
    static Optional<Double> slowestKeptUp(RefusedException refused) {
        return IntervalRefusals.leastIntervalMillis(refused.refusals()).map(least -> Math.ceil(least / 100.0) / 10.0);
    }

    private CaptureConfig config(double intervalSeconds) {
        long frames = Math.max(2, Math.round(options.day().toMillis() / 1000.0 / intervalSeconds));
        return new CaptureConfig("synthetic", FrameSettings.automatic().withSize(options.width(), options.height()),
                ScheduleConfig.every(intervalSeconds).withMaxFrames(frames), Optional.empty());
    }

    /** Renders the camera's stream to {@code videos/demo-day.mp4}, deflickered, with the capture time. */
    private Path render(StudioCore core, String cameraId) throws InterruptedException, IOException {
        Sequence stream = Sequences.of(core.library()).streamOf(cameraId).orElseThrow(() -> new IOException(
                "The library has no stream sequence for the demo camera"));
        Path video = options.home().resolve("videos").resolve("demo-day.mp4").toAbsolutePath();
        RenderRequest request = new RenderRequest(Optional.of(stream.id()), Optional.empty(), Optional.empty(),
                Optional.empty(), 1, "720p", false, 25, 70, Optional.empty(), Optional.of(15), 1,
                Optional.of("HH:mm"), Corner.BOTTOM_RIGHT, Optional.of("A day in " + options.day().toSeconds()
                        + " seconds"), List.of(), false, video.toString());
        say("Rendering the day to " + video + " …");
        Job job = core.jobs().submit(core.renderJob(), request, SubmitOptions.defaults());
        Job finished = core.jobs().awaitFinished(job.id(), Duration.ofMinutes(30));
        if (finished.state() != JobState.SUCCEEDED) {
            throw new IOException("The render " + finished.state().wire() + ": "
                    + finished.lastError().orElse("no reason given"));
        }
        return video;
    }

    /** Frames of the camera's stream in the library so far. */
    private static long storedFrames(StudioCore core, String cameraId) {
        return Sequences.of(core.library()).streamOf(cameraId)
                .map(stream -> Frames.of(core.library()).countInOrigin(stream.id())).orElse(0L);
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
