package studio.timelapse.camera.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import studio.timelapse.shared.astronomy.SunAnchor;
import studio.timelapse.shared.astronomy.SunWindow;
import studio.timelapse.shared.protocol.CameraLocation;
import studio.timelapse.shared.protocol.ScheduleConfig;

/** Turns a validated schedule configuration into the plan the capture loop follows. */
public final class PlanFactory {
    private PlanFactory() {}

    /**
     * @param anchor where the interval grid starts: the configured start, else the moment capture was started
     * @param location needed only for a sun window (validated before)
     */
    public static CapturePlan plan(ScheduleConfig schedule, java.util.Optional<CameraLocation> location, Instant anchor) {
        Duration interval = Duration.ofNanos(Math.round(schedule.intervalSeconds() * 1e9));
        List<CaptureWindow> windows = new ArrayList<>();
        if (schedule.start().isPresent() || schedule.stop().isPresent()) {
            windows.add(new BetweenInstants(schedule.start(), schedule.stop()));
        }
        if (schedule.dailyFrom().isPresent() && schedule.dailyTo().isPresent()) {
            windows.add(new DailyHours(schedule.dailyFrom().get(), schedule.dailyTo().get(),
                    location.map(CameraLocation::zoneId).orElse(java.time.ZoneId.systemDefault())));
        }
        schedule.sun().ifPresent(sun -> {
            CameraLocation where = location.orElseThrow(() -> new IllegalArgumentException(
                    "a sun window needs the camera's location"));
            SunWindow window = SunWindow.between(
                    SunAnchor.at(sun.from()).plus(Duration.ofMinutes(sun.fromOffsetMinutes())),
                    SunAnchor.at(sun.to()).plus(Duration.ofMinutes(sun.toOffsetMinutes())));
            windows.add(new SunRelativeWindow(window, where.zoneId(), where.position()));
        });
        CaptureWindow window = windows.isEmpty() ? CaptureWindow.always()
                : windows.size() == 1 ? windows.get(0) : new AllWindows(windows);
        CaptureLimits limits = new CaptureLimits(schedule.maxFrames(),
                schedule.maxHours().map(hours -> Duration.ofMillis(Math.round(hours * 3_600_000))));
        return new CapturePlan(new IntervalGrid(schedule.start().orElse(anchor), interval), window, limits);
    }
}
