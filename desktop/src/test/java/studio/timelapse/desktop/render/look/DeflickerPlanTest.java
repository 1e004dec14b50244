package studio.timelapse.desktop.render.look;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.refusal.RefusedException;

class DeflickerPlanTest {

    /** A scene brightening 2.7x over the sequence, as at dawn: 60 at the start, 163 at the end. */
    private static double trend(int i, int n) {
        return 60 * Math.exp((double) i / (n - 1));
    }

    private static double[] flickering(int n, double amplitude, long seed) {
        Random random = new Random(seed);
        double[] lumas = new double[n];
        for (int i = 0; i < n; i++) {
            lumas[i] = trend(i, n) * (1 + amplitude * (2 * random.nextDouble() - 1));
        }
        return lumas;
    }

    @Test
    void randomFifteenPercentFlickerDropsAtLeastFivefoldAndTheSlowTrendStays() {
        int n = 300;
        double[] before = flickering(n, 0.15, 42);
        DeflickerPlan plan = DeflickerPlan.of(before, DeflickerSettings.defaults());
        double[] after = plan.after();
        double flickerBefore = DeflickerPlan.meanAbsoluteStep(before);
        double flickerAfter = DeflickerPlan.meanAbsoluteStep(after);
        assertThat(flickerAfter * 5).as("before %.2f, after %.2f", flickerBefore, flickerAfter)
                .isLessThan(flickerBefore);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double error = after[i] / trend(i, n) - 1;
            squares += error * error;
            // At the ends the line is extrapolated from one side only, so it wanders more there than in the middle.
            assertThat(error).as("frame %d against the trend", i).isCloseTo(0, offset(0.1));
        }
        assertThat(Math.sqrt(squares / n)).as("RMS deviation from the trend").isLessThan(0.03);
    }

    @Test
    void aSteadyBrighteningWithoutFlickerIsLeftAloneEvenAtTheEnds() {
        int n = 100;
        double[] lumas = new double[n];
        for (int i = 0; i < n; i++) {
            lumas[i] = trend(i, n);
        }
        DeflickerPlan plan = DeflickerPlan.of(lumas, DeflickerSettings.window(31));
        for (int i = 0; i < n; i++) {
            // A centred average clamped at the ends would brighten the first frames and darken the last.
            assertThat(plan.gain(i)).as("gain of frame %d", i).isCloseTo(1, offset(1e-9));
        }
    }

    @Test
    void theRobustMedianKeepsOneOverExposedFrameFromDraggingItsNeighbours() {
        double[] lumas = new double[41];
        java.util.Arrays.fill(lumas, 100);
        lumas[20] = 300; // a flash
        DeflickerPlan robust = DeflickerPlan.of(lumas, new DeflickerSettings(9, true, 4));
        DeflickerPlan plain = DeflickerPlan.of(lumas, new DeflickerSettings(9, false, 4));
        assertThat(robust.gain(20)).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(robust.gain(19)).isCloseTo(1, offset(1e-9));
        assertThat(robust.gain(24)).isCloseTo(1, offset(1e-9));
        assertThat(plain.gain(19)).as("without the median the flash brightens the target around it")
                .isGreaterThan(1.05);
    }

    @Test
    void aFrameOfUnknownBrightnessKeepsItsPixelsAndTheOthersTheirTarget() {
        double[] lumas = flickering(60, 0.1, 3);
        lumas[30] = Double.NaN;
        DeflickerPlan plan = DeflickerPlan.of(lumas, DeflickerSettings.defaults());
        assertThat(plan.gain(30)).isEqualTo(1);
        assertThat(plan.target()[30]).isCloseTo(trend(30, 60), offset(trend(30, 60) * 0.05));
        assertThat(DeflickerPlan.meanAbsoluteStep(plan.after()))
                .isLessThan(DeflickerPlan.meanAbsoluteStep(lumas) / 3);
    }

    @Test
    void correctionsStopAtTheLargestGain() {
        double[] lumas = new double[31];
        java.util.Arrays.fill(lumas, 120);
        lumas[15] = 1; // a black frame: the camera missed its exposure
        DeflickerPlan plan = DeflickerPlan.of(lumas, new DeflickerSettings(9, true, 4));
        assertThat(plan.gain(15)).isCloseTo(4, offset(1e-9));
        assertThat(plan.after()[15]).isCloseTo(4, offset(1e-9));
    }

    @Test
    void theCurvesAreKeptForTheWindowAndTheCommandLine() {
        double[] lumas = flickering(50, 0.15, 9);
        DeflickerPlan plan = DeflickerPlan.of(lumas, DeflickerSettings.window(7));
        assertThat(plan.frames()).isEqualTo(50);
        assertThat(plan.before()).containsExactly(lumas);
        for (int i = 0; i < 50; i++) {
            assertThat(plan.after()[i]).isCloseTo(plan.target()[i], offset(1e-9));
            assertThat(plan.gains()[i]).isCloseTo(plan.target()[i] / lumas[i], offset(1e-9));
        }
    }

    @Test
    void aWindowOutsideTheRangeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> DeflickerSettings.window(1)).isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).refusals().get(0).details())
                        .containsEntry("field", "deflicker"));
    }
}
