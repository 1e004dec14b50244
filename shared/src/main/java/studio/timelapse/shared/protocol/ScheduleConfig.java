package studio.timelapse.shared.protocol;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When to take frames: every {@code intervalSeconds}, start to start, inside all the windows given, until a limit.
 *
 * @param start  capture from (inclusive); empty: as soon as started
 * @param stop   capture until (exclusive); empty: until stopped
 * @param dailyFrom with {@code dailyTo}: local daily hours in the camera's zone (from after to: across midnight)
 * @param sun    a daily window between two sun events at the camera's location
 * @param maxFrames end the run after this many frames
 * @param maxHours  end the run this long after it started
 */
public record ScheduleConfig(double intervalSeconds, Optional<Instant> start, Optional<Instant> stop,
        Optional<LocalTime> dailyFrom, Optional<LocalTime> dailyTo, Optional<SunWindowConfig> sun,
        Optional<Long> maxFrames, Optional<Double> maxHours) {

    public ScheduleConfig {
        start = start == null ? Optional.empty() : start;
        stop = stop == null ? Optional.empty() : stop;
        dailyFrom = dailyFrom == null ? Optional.empty() : dailyFrom;
        dailyTo = dailyTo == null ? Optional.empty() : dailyTo;
        sun = sun == null ? Optional.empty() : sun;
        maxFrames = maxFrames == null ? Optional.empty() : maxFrames;
        maxHours = maxHours == null ? Optional.empty() : maxHours;
    }

    /** Every {@code seconds}, with no window and no limit. */
    public static ScheduleConfig every(double seconds) {
        return new ScheduleConfig(seconds, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ScheduleConfig withMaxFrames(long frames) {
        return new ScheduleConfig(intervalSeconds, start, stop, dailyFrom, dailyTo, sun, Optional.of(frames), maxHours);
    }

    public ScheduleConfig withSun(SunWindowConfig window) {
        return new ScheduleConfig(intervalSeconds, start, stop, dailyFrom, dailyTo, Optional.of(window), maxFrames,
                maxHours);
    }

    public ScheduleConfig withDailyHours(LocalTime from, LocalTime to) {
        return new ScheduleConfig(intervalSeconds, start, stop, Optional.of(from), Optional.of(to), sun, maxFrames,
                maxHours);
    }
}
