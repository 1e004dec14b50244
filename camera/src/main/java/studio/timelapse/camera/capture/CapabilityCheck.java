package studio.timelapse.camera.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.refusal.Refusal;

/**
 * What a capture configuration asks that this camera cannot do, found before capture starts rather than as slots
 * skipped all night: every problem of the configuration on its own ({@link CaptureConfig#problems()}), then an
 * interval shorter than the camera can keep up with at the frame size asked.
 */
public final class CapabilityCheck {
    private CapabilityCheck() {}

    public static List<Refusal> problems(CameraBackend backend, CaptureConfig config) {
        List<Refusal> problems = new ArrayList<>(config.problems());
        if (!problems.isEmpty() || !config.backend().equals(backend.name())) {
            // Another backend's limits say nothing about this one; the agent checks again once it is in use.
            return problems;
        }
        long minMillis = backend.capabilities(config.frame()).minInterval();
        double interval = config.schedule().intervalSeconds();
        if (interval * 1000 < minMillis) {
            String size = config.frame().width() == 0 ? "full-size" : config.frame().width() + "x"
                    + config.frame().height();
            String least = String.format(Locale.ROOT, "%.2f s", minMillis / 1000.0);
            problems.add(Refusal.of(Refusal.Kind.INVALID, "config.interval_too_short",
                    "The " + backend.name() + " camera needs at least " + least + " between " + size
                            + " frames on this machine; the interval is " + interval + " s",
                    "capture every " + least + " or more, or choose smaller frames")
                    .withDetails(Map.of("field", "schedule.intervalSeconds", "min_interval_ms", minMillis)));
        }
        return problems;
    }
}
