package studio.timelapse.shared.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.shared.refusal.Refusal;

/**
 * A camera's capture configuration, as the studio reads and edits it: which backend, how each frame is taken, when.
 * {@link #problems()} lists every mistake at once, as refusals a screen can put next to each field.
 */
public record CaptureConfig(String backend, FrameSettings frame, ScheduleConfig schedule,
        Optional<CameraLocation> location, Optional<ExposureRampConfig> ramp) {

    public static final Set<String> BACKENDS = Set.of("synthetic", "rpicam", "gphoto2", "gopro");
    /** Backends whose shutter and gain can be set per frame, as the ramp needs. */
    public static final Set<String> MANUAL_EXPOSURE = Set.of("synthetic", "rpicam", "gphoto2");

    public CaptureConfig {
        location = location == null ? Optional.empty() : location;
        ramp = ramp == null ? Optional.empty() : ramp;
    }

    /** A configuration without the exposure ramp: each frame as {@code frame} says. */
    public CaptureConfig(String backend, FrameSettings frame, ScheduleConfig schedule, Optional<CameraLocation> location) {
        this(backend, frame, schedule, location, Optional.empty());
    }

    public CaptureConfig withRamp(ExposureRampConfig newRamp) {
        return new CaptureConfig(backend, frame, schedule, location, Optional.of(newRamp));
    }

    /** The embedded default: the synthetic camera at 1280x720, every 2 s. */
    public static CaptureConfig demo() {
        return new CaptureConfig("synthetic", FrameSettings.automatic().withSize(1280, 720), ScheduleConfig.every(2),
                Optional.empty());
    }

    /** Every mistake in the configuration taken on its own (kind INVALID, with the {@code field} at fault). */
    public List<Refusal> problems() {
        List<Refusal> problems = new ArrayList<>();
        if (!BACKENDS.contains(backend)) {
            problems.add(invalid("backend", "config.unknown_backend", "There is no camera backend '" + backend + "'",
                    "choose one of " + String.join(", ", BACKENDS.stream().sorted().toList())));
        }
        if (!(schedule.intervalSeconds() >= 0.5 && schedule.intervalSeconds() <= 86_400)) {
            problems.add(invalid("schedule.intervalSeconds", "config.interval",
                    "The interval must be 0.5 s to 24 h, was " + schedule.intervalSeconds() + " s",
                    "the fastest the tools keep up with is 0.5 s start to start"));
        }
        if (schedule.start().isPresent() && schedule.stop().isPresent()
                && !schedule.start().get().isBefore(schedule.stop().get())) {
            problems.add(invalid("schedule.stop", "config.stop_before_start", "The stop time is not after the start time",
                    "move the stop after " + schedule.start().get()));
        }
        if (schedule.dailyFrom().isPresent() != schedule.dailyTo().isPresent()) {
            problems.add(invalid("schedule.dailyTo", "config.daily_hours", "Daily hours need both a from and a to time",
                    "give both, or neither"));
        } else if (schedule.dailyFrom().isPresent() && schedule.dailyFrom().equals(schedule.dailyTo())) {
            problems.add(invalid("schedule.dailyTo", "config.daily_hours", "Daily hours start and end at the same time",
                    "leave daily hours out to capture all day"));
        }
        if (schedule.sun().isPresent() && location.isEmpty()) {
            problems.add(invalid("location", "config.location_needed", "A sun window needs the camera's location",
                    "set the latitude, longitude and time zone"));
        }
        if (ramp.isPresent() && location.isEmpty()) {
            problems.add(invalid("location", "config.location_needed", "The exposure ramp needs the camera's location",
                    "set the latitude, longitude and time zone"));
        }
        if (ramp.isPresent() && BACKENDS.contains(backend) && !MANUAL_EXPOSURE.contains(backend)) {
            problems.add(invalid("ramp", "config.ramp_unsupported", "The " + backend + " backend cannot set exposure "
                    + "per frame, which the ramp needs", "use locked or automatic exposure with this camera"));
        }
        schedule.maxFrames().filter(n -> n < 1).ifPresent(n -> problems.add(invalid("schedule.maxFrames",
                "config.max_frames", "A frame limit must be at least 1, was " + n, "leave it out for no limit")));
        schedule.maxHours().filter(h -> !(h > 0)).ifPresent(h -> problems.add(invalid("schedule.maxHours",
                "config.max_hours", "A time limit must be more than 0 hours, was " + h, "leave it out for no limit")));
        return problems;
    }

    private static Refusal invalid(String field, String code, String reason, String remedy) {
        return Refusal.of(Refusal.Kind.INVALID, code, reason, remedy).withDetails(Map.of("field", field));
    }
}
