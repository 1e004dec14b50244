package studio.timelapse.camera.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalGridTest {
    private final Instant anchor = Instant.parse("2026-06-21T04:00:00Z");
    private final IntervalGrid grid = new IntervalGrid(anchor, Duration.ofSeconds(2));

    @Test
    void slotsAreAnchorPlusWholeIntervals() {
        assertThat(grid.slotAtOrAfter(anchor)).isEqualTo(anchor);
        assertThat(grid.slotAtOrAfter(anchor.plusMillis(1))).isEqualTo(anchor.plusSeconds(2));
        assertThat(grid.slotAtOrAfter(anchor.plusSeconds(4))).isEqualTo(anchor.plusSeconds(4));
        assertThat(grid.slotAfter(anchor.plusSeconds(4))).isEqualTo(anchor.plusSeconds(6));
        assertThat(grid.slotAtOrAfter(anchor.minusSeconds(30))).as("before the anchor: the anchor").isEqualTo(anchor);
    }

    @Test
    void countsTheSlotsSkippedBetweenTwoInstants() {
        assertThat(grid.slotsBetween(anchor, anchor.plusMillis(1999))).isZero();
        assertThat(grid.slotsBetween(anchor, anchor.plusSeconds(2))).isZero();
        assertThat(grid.slotsBetween(anchor, anchor.plusMillis(2001))).isEqualTo(1);
        assertThat(grid.slotsBetween(anchor, anchor.plusMillis(6500))).isEqualTo(3);
    }

    @Test
    void intervalsRangeFromHalfASecondToADay() {
        new IntervalGrid(anchor, Duration.ofMillis(500));
        new IntervalGrid(anchor, Duration.ofHours(24));
        assertThatThrownBy(() -> new IntervalGrid(anchor, Duration.ofMillis(499))).hasMessageContaining("0.5 s to 24 h");
        assertThatThrownBy(() -> new IntervalGrid(anchor, Duration.ofHours(25))).hasMessageContaining("0.5 s to 24 h");
    }
}
