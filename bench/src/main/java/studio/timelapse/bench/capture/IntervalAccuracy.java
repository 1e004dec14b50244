package studio.timelapse.bench.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import studio.timelapse.camera.capture.FrameCapture;
import studio.timelapse.camera.capture.synthetic.SyntheticCamera;
import studio.timelapse.camera.schedule.CaptureListener;
import studio.timelapse.camera.schedule.CaptureLimits;
import studio.timelapse.camera.schedule.CaptureLoop;
import studio.timelapse.camera.schedule.CapturePlan;
import studio.timelapse.camera.schedule.CaptureWindow;
import studio.timelapse.camera.schedule.IntervalGrid;
import studio.timelapse.camera.schedule.SlotTimer;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.camera.store.RetentionPolicy;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * Start error of scheduled captures: the real capture loop, the synthetic camera and the real store in a temp folder,
 * for N frames at an interval; prints p50/p90/p99/max of (capture start − slot) in milliseconds. Not JMH: this is
 * a latency distribution over wall-clock time. Usage: {@code IntervalAccuracy [frames=1000] [interval_s=1]}.
 */
public final class IntervalAccuracy {
    private IntervalAccuracy() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double intervalSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Path home = Files.createTempDirectory("timelapse-interval-bench");
        List<Double> lateness = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (SqliteDatabase db = SqliteDatabase.open(home.resolve("agent.sqlite"));
                ActionLog log = ActionLog.builder("camera").logDirectory(home.resolve("logs")).build()) {
            db.migrate("shared", "db/shared");
            db.migrate("agent", "db/agent");
            try (FrameStore store = FrameStore.builder(home, db, log).open();
                    SyntheticCamera camera = SyntheticCamera.builder(log).zone(ZoneId.of("UTC")).build();
                    FrameCapture capture = new FrameCapture(camera, store, store.retention(RetentionPolicy.defaults()
                            .withMinFree(0, 0)), slot -> FrameSettings.automatic().withSize(640, 360),
                            Duration.ofSeconds(30), Clock.systemUTC(), log, frame -> { })) {
                CapturePlan plan = new CapturePlan(new IntervalGrid(Instant.now().plusSeconds(2),
                        Duration.ofMillis(Math.round(intervalSeconds * 1000))), CaptureWindow.always(),
                        new CaptureLimits(Optional.of((long) frames), Optional.empty()));
                CaptureListener listener = new CaptureListener() {
                    @Override
                    public void captured(Instant slot, Duration late) {
                        lateness.add(late.toNanos() / 1e6);
                    }

                    @Override
                    public void finished(String reason) {
                        done.countDown();
                    }
                };
                CaptureLoop loop = new CaptureLoop(plan, capture, SlotTimer.system(Clock.systemUTC()), log, listener,
                        CaptureLoop.Settings.defaults());
                loop.start();
                done.await();
                loop.close();
            }
        }
        List<Double> sorted = lateness.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "frames %d at %.1f s: start error p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.size(), intervalSeconds, percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
