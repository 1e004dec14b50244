package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;

/** The token bucket behind the bandwidth cap, on a clock that only moves when the cap makes a caller wait. */
class BandwidthCapTest {
    private long now;

    private BandwidthCap cap(long bytesPerSecond) {
        return BandwidthCap.of(bytesPerSecond, () -> now, nanos -> now += nanos);
    }

    @Test
    void averagesTheCapOverManyReadsAfterTheFirstBurst() throws InterruptedException {
        BandwidthCap cap = cap(1_000_000);
        StopSignal stop = new StopSignal();
        for (int i = 0; i < 100; i++) {
            cap.take(65_536, stop);
        }
        double seconds = now / 1e9;
        double burst = 250_000;
        assertThat(seconds).isCloseTo((100 * 65_536 - burst) / 1_000_000, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void letsABurstThroughWithoutWaiting() throws InterruptedException {
        BandwidthCap cap = cap(1_000_000);
        cap.take(200_000, new StopSignal());
        assertThat(now).isZero();
    }

    @Test
    void unlimitedNeverWaits() throws InterruptedException {
        BandwidthCap cap = BandwidthCap.unlimited();
        cap.take(Long.MAX_VALUE / 2, new StopSignal());
        assertThat(cap.bytesPerSecond()).isEmpty();
    }

    @Test
    void aWaitEndsWhenTheSyncIsStopped() {
        BandwidthCap cap = cap(10_000);
        StopSignal stop = new StopSignal();
        stop.stop("cancelled");
        assertThatThrownBy(() -> cap.take(1_000_000, stop)).isInstanceOf(StoppedException.class);
    }

    @Test
    void refusesACapSoLowEveryRequestWouldStall() {
        assertThatThrownBy(() -> BandwidthCap.of(100)).hasMessageContaining("1 KiB/s");
    }
}
