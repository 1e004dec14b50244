package studio.timelapse.bench.library;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import studio.timelapse.shared.astronomy.SunAnchor;
import studio.timelapse.shared.astronomy.SunEvent;
import studio.timelapse.shared.astronomy.SunWindow;
import studio.timelapse.shared.astronomy.TimeInterval;

/**
 * Where counting a daytime sequence of a located camera spends its time: working out sunrise and sunset for each
 * day of the synthetic month (what {@code countDefinedDaytimeBySun} does before counting), on its own. The rest of
 * that count is the index counting.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DaylightSplitBenchmark {
    private static final SunWindow SUN_UP =
            SunWindow.between(SunAnchor.at(SunEvent.SUNRISE), SunAnchor.at(SunEvent.SUNSET));

    /** The sunrise-to-sunset intervals of the 33 solar days around the month of camera 0 (Geneva). */
    @Benchmark
    public long sunWindowsOfMonth() {
        ZoneOffset solar = ZoneOffset.ofTotalSeconds((int) Math.round(SyntheticLibrary.GENEVA.longitude() / 15 * 3600));
        LocalDate first = LocalDate.of(2024, 5, 31);
        long total = 0;
        for (int day = 0; day < 33; day++) {
            Optional<TimeInterval> daylight = SUN_UP.on(first.plusDays(day), solar, SyntheticLibrary.GENEVA).interval();
            total += daylight.map(d -> d.end().toEpochMilli() - d.start().toEpochMilli()).orElse(0L);
        }
        return total;
    }
}
