package studio.timelapse.desktop.render.encode.jcodec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantQualityRateControlTest {

    @Test
    void everyMacroblockOfAFrameWithinBudgetGetsTheQpOfTheQuality() {
        ConstantQualityRateControl control = new ConstantQualityRateControl(23);

        assertThat(control.startFrame(false, 1_000_000, 100)).isEqualTo(23);
        for (int i = 0; i < 100; i++) {
            assertThat(control.nextMacroblockQp()).isEqualTo(23);
            control.macroblockDone(9_000);
        }
        assertThat(control.startFrame(true, 1_000_000, 100)).isEqualTo(21);
    }

    @Test
    void aFrameSpendingFasterThanItsBudgetGetsCoarserUntilItIsBackWithinThenReturns() {
        ConstantQualityRateControl control = new ConstantQualityRateControl(20);
        control.startFrame(false, 100_000, 100);             // 1,000 bits per macroblock

        assertThat(control.nextMacroblockQp()).isEqualTo(20);
        control.macroblockDone(5_000);                       // 4,000 over
        assertThat(control.nextMacroblockQp()).isEqualTo(22);
        control.macroblockDone(500);
        assertThat(control.nextMacroblockQp()).isEqualTo(24);
        for (int i = 0; i < 5; i++) {
            control.macroblockDone(0);
            control.nextMacroblockQp();
        }
        control.macroblockDone(0);                           // 5,500 spent of 8,000 allowed
        assertThat(control.nextMacroblockQp()).isEqualTo(20);
    }

    @Test
    void aFrameThatDidNotFitIsEncodedAgainCoarserAndSoAreTheFollowingOnes() {
        ConstantQualityRateControl control = new ConstantQualityRateControl(12);

        assertThat(control.coarser()).isTrue();
        assertThat(control.startFrame(false, 1_000, 1)).isEqualTo(18);
        assertThat(control.startFrame(true, 1_000, 1)).isEqualTo(16);
    }

    @Test
    void theQualitySettingMapsOntoTheMeasuredQps() {
        assertThat(JCodecQuality.predictedFrameQp(0)).isEqualTo(38);
        assertThat(JCodecQuality.predictedFrameQp(50)).isEqualTo(27);
        assertThat(JCodecQuality.predictedFrameQp(70)).isEqualTo(19);
        assertThat(JCodecQuality.predictedFrameQp(75)).isEqualTo(17);
        assertThat(JCodecQuality.predictedFrameQp(100)).isEqualTo(10);
        int previous = Integer.MAX_VALUE;
        for (int quality = 0; quality <= 100; quality++) {
            int qp = JCodecQuality.predictedFrameQp(quality);
            assertThat(qp).as("quality %d", quality).isLessThanOrEqualTo(previous);
            previous = qp;
        }
    }
}
