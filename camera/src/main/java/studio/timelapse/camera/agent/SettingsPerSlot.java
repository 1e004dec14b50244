package studio.timelapse.camera.agent;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import studio.timelapse.camera.exposure.FrameSettingsPlan;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * Each frame's settings from the current configuration; the plan (and the ramp's memory of the last exposure) is
 * rebuilt only when the configuration changes.
 */
final class SettingsPerSlot implements Function<Instant, FrameSettings> {
    private final AtomicReference<AgentSettings> settings;
    private CaptureConfig planned;
    private Function<Instant, FrameSettings> plan;

    SettingsPerSlot(AtomicReference<AgentSettings> settings) {
        this.settings = settings;
    }

    @Override
    public synchronized FrameSettings apply(Instant slot) {
        CaptureConfig config = settings.get().capture();
        if (!config.equals(planned)) {
            plan = FrameSettingsPlan.of(config);
            planned = config;
        }
        return plan.apply(slot);
    }
}
