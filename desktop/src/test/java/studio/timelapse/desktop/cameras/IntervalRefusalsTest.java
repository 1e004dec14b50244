package studio.timelapse.desktop.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.refusal.Refusal;

/** The least interval a camera can keep, read from its refusals as the demo and the Cameras screen get them. */
class IntervalRefusalsTest {

    @Test
    void theLeastIntervalIsReadFromARefusalOrItsWireForm() {
        Refusal tooShort = Refusal.of(Refusal.Kind.INVALID, IntervalRefusals.INTERVAL_TOO_SHORT, "too short",
                "capture every 1.37 s or more").withDetails(Map.of("min_interval_ms", 1370));
        Map<String, Object> wire = Map.of("code", IntervalRefusals.INTERVAL_TOO_SHORT,
                "details", Map.of("min_interval_ms", 2500));

        assertThat(IntervalRefusals.leastIntervalMillis(List.of(tooShort))).contains(1370L);
        assertThat(IntervalRefusals.leastIntervalMillis(List.of(wire))).contains(2500L);
    }

    @Test
    void anIntervalAmongTheProblemsOfAnInvalidConfigurationCountsAndOtherRefusalsDoNot() {
        Map<String, Object> nested = Map.of("code", "camera.config_invalid", "details", Map.of("problems", List.of(
                Map.of("code", "config.size", "details", Map.of()),
                Map.of("code", IntervalRefusals.INTERVAL_TOO_SHORT, "details", Map.of("min_interval_ms", 900)))));
        Refusal other = Refusal.of(Refusal.Kind.INVALID, "config.invalid", "bad");

        assertThat(IntervalRefusals.leastIntervalMillis(List.of(nested))).contains(900L);
        assertThat(IntervalRefusals.leastIntervalMillis(List.of(other))).isEmpty();
        assertThat(IntervalRefusals.leastIntervalMillis(List.of("not a refusal"))).isEmpty();
    }
}
