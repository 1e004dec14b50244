package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.sync.AgentCameraLinks;
import studio.timelapse.desktop.sync.SyncScheduler;
import studio.timelapse.desktop.sync.SyncSettings;
import studio.timelapse.desktop.sync.SyncTrigger;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.home.AppHome;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code timelapse sync [CAMERA] [--watch]}: brings every new frame of the paired cameras (or of one) into the
 * library, as the studio's sync jobs, with a progress bar on a terminal and plain lines otherwise. With
 * {@code --watch} it stays, pulling each frame a camera announces, until interrupted.
 */
@Command(
        name = "sync",
        description = {
            "Brings every new frame of the paired cameras (or of CAMERA, by name or id) into the library: each frame",
            "checked against the camera's SHA-256, stored once, and only then released on the camera. Interrupted or",
            "killed, it continues where it was. With --watch it stays and pulls each frame as the camera takes it."
        })
final class SyncCommand implements Callable<Integer> {
    private static final Duration TERMINAL_REFRESH = Duration.ofMillis(250);
    private static final Duration PLAIN_REFRESH = Duration.ofSeconds(5);
    private static final int BAR = 24;

    private final AppHome homes;

    @Mixin
    HelpOption help;

    @Mixin
    LibraryOption library;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CAMERA", description = "A camera's name or id; all paired cameras if left out.")
    String cameraName;

    @Option(names = "--watch", description = "Stay, and pull each frame as the camera announces it, until interrupted.")
    boolean watch;

    @Option(names = "--limit", paramLabel = "RATE",
            description = "At most this many bytes a second per camera, for slow links: 500k, 2M.")
    String limit;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Downloads at once per camera (default ${DEFAULT-VALUE}).")
    int parallel;

    SyncCommand(AppHome homes) {
        this.homes = homes;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SyncSettings settings = settings();
        if (!library.exists(homes)) {
            err.println("sync: there is no library yet at " + library.folder(homes) + " — add and pair a camera first "
                    + "('timelapse cameras add', 'timelapse cameras pair').");
            return 1;
        }
        TaskStatusTracker tracker = new TaskStatusTracker(Clock.systemUTC(), 100);
        try (LibraryOption.OpenCore open = library.openCore(homes, StudioCore.Settings.defaults().withSync(settings));
                AutoCloseable subscribed = open.log().subscribe(tracker)) {
            StudioCore core = open.core();
            List<Camera> cameras = chosen(core.library());
            if (cameras.isEmpty()) {
                err.println(cameraName == null
                        ? "sync: no camera is paired with this studio — pair one with 'timelapse cameras pair'."
                        : "sync: no paired camera is called '" + cameraName + "' — 'timelapse cameras list' shows them.");
                return 1;
            }
            Progress progress = new Progress(out, System.console() != null, core.jobs(), tracker);
            return watch ? watch(cameras, core.cameraLinks(), core.sync(), open.log(), progress)
                    : once(cameras, core.sync(), progress, err);
        }
    }

    private SyncSettings settings() {
        SyncSettings settings = SyncSettings.defaults();
        if (parallel < 1 || parallel > 16) {
            throw new ParameterException(spec.commandLine(), "--parallel is 1 to 16, not " + parallel);
        }
        settings = settings.withParallelDownloads(parallel, Math.max(parallel * 32, 128));
        if (limit != null) {
            settings = settings.withBandwidthCap(bytesPerSecond(limit));
        }
        return settings;
    }

    private long bytesPerSecond(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (value.endsWith("k")) {
            factor = 1_000;
        } else if (value.endsWith("m")) {
            factor = 1_000_000;
        }
        try {
            long rate = Math.round(Double.parseDouble(factor == 1 ? value : value.substring(0, value.length() - 1))
                    * factor);
            if (rate >= 1024) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new ParameterException(spec.commandLine(), "--limit is bytes a second, at least 1024, such as 500k or "
                + "2M; not '" + text + "'");
    }

    private List<Camera> chosen(Library opened) {
        List<Camera> paired = Cameras.of(opened).all().stream().filter(Camera::paired).toList();
        if (cameraName == null) {
            return paired;
        }
        return paired.stream().filter(camera -> camera.id().equals(cameraName)
                || camera.name().equalsIgnoreCase(cameraName)).limit(1).toList();
    }

    /** One sync of each camera, followed to its end or to a pause that waits for something outside. */
    private int once(List<Camera> cameras, SyncScheduler scheduler, Progress progress, PrintWriter err)
            throws InterruptedException {
        Map<Camera, Long> jobs = new LinkedHashMap<>();
        for (Camera camera : cameras) {
            jobs.put(camera, scheduler.request(camera.id()).id());
        }
        while (true) {
            Map<Camera, Job> now = progress.show(jobs);
            if (now.values().stream().allMatch(job -> job.state().finished() || waitingToRetry(job))) {
                progress.clear();
                int failures = 0;
                for (Map.Entry<Camera, Job> entry : now.entrySet()) {
                    failures += progress.result(entry.getKey(), entry.getValue(), err) ? 0 : 1;
                }
                return failures == 0 ? 0 : 1;
            }
            Thread.sleep(progress.refresh().toMillis());
        }
    }

    /** Whether a job ran, failed in a way that passes with time, and now waits for its next attempt. */
    private static boolean waitingToRetry(Job job) {
        return job.state() == JobState.QUEUED && job.attempts() > 0 && job.lastError().isPresent();
    }

    /** Follows the cameras until interrupted: each announced frame, and a catch-up whenever a stream reopens. */
    private int watch(List<Camera> cameras, AgentCameraLinks links, SyncScheduler scheduler, ActionLog log,
            Progress progress) throws Exception {
        SyncTrigger trigger = new SyncTrigger(scheduler, log);
        List<AutoCloseable> streams = new ArrayList<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread hook = new Thread(interrupted::countDown, "sync-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (Camera camera : cameras) {
                streams.add(links.subscribe(camera.id(), trigger.listenerFor(camera.id())));
            }
            progress.out.println("Watching " + cameras.size() + (cameras.size() == 1 ? " camera" : " cameras")
                    + "; interrupt (Ctrl-C) to stop.");
            while (!interrupted.await(progress.refresh().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                Map<Camera, Long> latest = new LinkedHashMap<>();
                for (Camera camera : cameras) {
                    scheduler.latest(camera.id()).ifPresent(job -> latest.put(camera, job.id()));
                }
                progress.show(latest);
            }
            return 0;
        } finally {
            for (AutoCloseable stream : streams) {
                stream.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Interrupted: the hook is running, which is how we got here.
            }
        }
    }

    /** What the user sees: a bar per camera on a terminal, a line per camera every few seconds otherwise. */
    private static final class Progress {
        final PrintWriter out;
        private final boolean terminal;
        private final JobRunner runner;
        private final TaskStatusTracker tracker;
        private int linesShown;
        private final Map<Long, String> lastPlain = new LinkedHashMap<>();

        Progress(PrintWriter out, boolean terminal, JobRunner runner, TaskStatusTracker tracker) {
            this.out = out;
            this.terminal = terminal;
            this.runner = runner;
            this.tracker = tracker;
        }

        Duration refresh() {
            return terminal ? TERMINAL_REFRESH : PLAIN_REFRESH;
        }

        Map<Camera, Job> show(Map<Camera, Long> jobs) {
            Map<Camera, Job> now = new LinkedHashMap<>();
            jobs.forEach((camera, id) -> runner.job(id).ifPresent(job -> now.put(camera, job)));
            List<String> lines = new ArrayList<>();
            now.forEach((camera, job) -> lines.add(line(camera, job)));
            if (terminal) {
                clear();
                lines.forEach(out::println);
                linesShown = lines.size();
            } else {
                int i = 0;
                for (Job job : now.values()) {
                    String line = lines.get(i++);
                    if (!line.equals(lastPlain.put(job.id(), line))) {
                        out.println(line);
                    }
                }
            }
            out.flush();
            return now;
        }

        void clear() {
            if (terminal && linesShown > 0) {
                out.print("\033[" + linesShown + "F\033[J");
                linesShown = 0;
            }
        }

        private String line(Camera camera, Job job) {
            long done = job.progressDone().orElse(0L);
            String counts = job.progressTotal().map(total -> done + "/" + total).orElse(Long.toString(done))
                    + " frames";
            String state = switch (job.state()) {
                case RUNNING -> "syncing";
                case QUEUED, INTERRUPTED -> job.lastError().map(error -> "waiting: " + reason(error)).orElse("queued");
                case SUCCEEDED -> "up to date";
                case FAILED -> "failed: " + job.lastError().map(SyncCommand::reason).orElse("?");
                case CANCELLED -> "cancelled";
            };
            StringBuilder line = new StringBuilder(camera.name()).append("  ");
            if (terminal && job.state() == JobState.RUNNING) {
                int filled = (int) Math.round(job.percent().orElse(0.0) / 100 * BAR);
                line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
            }
            line.append(job.percent().map(p -> String.format(Locale.ROOT, "%3.0f%% ", p)).orElse(""))
                    .append(counts).append("  ").append(state);
            job.taskUuid().flatMap(tracker::status).filter(TaskStatus::running).ifPresent(status -> {
                status.rate().ifPresent(rate -> line.append(String.format(Locale.ROOT, "  %.0f frames/s", rate)));
                status.etaSeconds().ifPresent(eta -> line.append(String.format(Locale.ROOT, "  ETA %.0fs", eta)));
            });
            return line.toString();
        }

        /** The final word on one camera; false if it did not finish. */
        boolean result(Camera camera, Job job, PrintWriter err) {
            if (job.state() == JobState.SUCCEEDED) {
                out.println(camera.name() + ": up to date, " + job.progressDone().orElse(0L) + " frames synced.");
                return true;
            }
            String reason = job.lastError().map(SyncCommand::reason).orElse(job.state().wire());
            if (job.state() == JobState.QUEUED) {
                err.println("sync: " + camera.name() + ": paused after " + job.progressDone().orElse(0L)
                        + " frames: " + reason + " (the studio retries by itself; 'timelapse sync --watch' keeps at it)");
            } else {
                err.println("sync: " + camera.name() + ": " + job.state().wire() + ": " + reason);
            }
            return false;
        }
    }

    /** A job's error without the exception's class name in front. */
    private static String reason(String lastError) {
        int colon = lastError.indexOf(": ");
        String head = colon < 0 ? "" : lastError.substring(0, colon);
        return head.matches("[a-zA-Z_$][\\w$.]*") ? lastError.substring(colon + 2) : lastError;
    }
}
