package studio.timelapse.desktop.render.look;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewportPathTest {
    private static final double FOUR_THIRDS = 4.0 / 3;
    private static final double SIXTEEN_NINTHS = 16.0 / 9;

    private static ViewportKeyframe key(double time, double x, double y, double zoom) {
        return new ViewportKeyframe(time, new Viewport(x, y, zoom));
    }

    @Test
    void everyEasingPassesThroughItsKeyframes() {
        for (Easing easing : Easing.values()) {
            ViewportPath path = ViewportPath.of(easing, key(0, 0.3, 0.4, 1), key(0.4, 0.6, 0.5, 2), key(1, 0.5, 0.5, 1.5));
            for (ViewportKeyframe key : path.keyframes()) {
                Viewport at = path.viewportAt(key.time());
                assertThat(at.centreX()).as("%s at %s", easing, key.time()).isCloseTo(key.viewport().centreX(), offset(1e-12));
                assertThat(at.centreY()).isCloseTo(key.viewport().centreY(), offset(1e-12));
                assertThat(at.zoom()).isCloseTo(key.viewport().zoom(), offset(1e-12));
            }
        }
    }

    @Test
    void easeInOutStartsAndStopsGentlyAndIsHalfwayAtTheMiddle() {
        ViewportPath path = ViewportPath.of(Easing.EASE_IN_OUT, key(0, 0.2, 0.5, 1), key(1, 0.8, 0.5, 1));
        assertThat(path.viewportAt(0.5).centreX()).isCloseTo(0.5, offset(1e-12));
        double h = 1e-3;
        double startSpeed = (path.viewportAt(h).centreX() - 0.2) / h;
        double middleSpeed = (path.viewportAt(0.5 + h).centreX() - path.viewportAt(0.5 - h).centreX()) / (2 * h);
        assertThat(startSpeed).isLessThan(0.01);
        assertThat(middleSpeed).isCloseTo(0.9, offset(0.01)); // 1.5 × the average speed of 0.6
        // And it stops at an inner keyframe too.
        ViewportPath twoMoves = ViewportPath.of(Easing.EASE_IN_OUT, key(0, 0.2, 0.5, 1), key(0.5, 0.5, 0.5, 1),
                key(1, 0.8, 0.5, 1));
        assertThat((twoMoves.viewportAt(0.5 + h).centreX() - 0.5) / h).isLessThan(0.01);
    }

    @Test
    void smoothKeepsMovingThroughAnInnerKeyframeWithoutAJolt() {
        ViewportPath path = ViewportPath.of(Easing.SMOOTH, key(0, 0.2, 0.5, 1), key(0.5, 0.5, 0.5, 1),
                key(1, 0.8, 0.5, 1));
        double h = 1e-4;
        double before = (0.5 - path.viewportAt(0.5 - h).centreX()) / h;
        double after = (path.viewportAt(0.5 + h).centreX() - 0.5) / h;
        assertThat(after).isCloseTo(0.6, offset(0.01)); // Catmull-Rom: (0.8 − 0.2) ÷ 1
        assertThat(after).isCloseTo(before, offset(0.01));
    }

    @Test
    void linearMovesAtConstantSpeed() {
        ViewportPath path = ViewportPath.of(Easing.LINEAR, key(0, 0.2, 0.5, 1), key(1, 0.8, 0.5, 1));
        assertThat(path.viewportAt(0.25).centreX()).isCloseTo(0.35, offset(1e-12));
    }

    @Test
    void zoomIsInterpolatedByRatioSoThatOneToFourPassesTwoHalfway() {
        ViewportPath path = ViewportPath.of(Easing.LINEAR, key(0, 0.5, 0.5, 1), key(1, 0.5, 0.5, 4));
        assertThat(path.viewportAt(0.5).zoom()).isCloseTo(2, offset(1e-12));
    }

    @Test
    void theViewHoldsStillBeforeTheFirstKeyframeAndAfterTheLast() {
        ViewportPath path = ViewportPath.of(Easing.SMOOTH, key(0.2, 0.3, 0.5, 2), key(0.8, 0.7, 0.5, 2));
        assertThat(path.viewportAt(0).centreX()).isEqualTo(0.3);
        assertThat(path.viewportAt(1).centreX()).isEqualTo(0.7);
    }

    @Test
    void theRegionNeverLeavesTheFrameAndAlwaysHasTheOutputsAspect() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            List<ViewportKeyframe> keys = new ArrayList<>();
            int count = 2 + random.nextInt(4);
            for (int k = 0; k < count; k++) {
                // Centres well outside the frame and zooms below 1 on purpose; SMOOTH overshoots between them too.
                keys.add(key((double) k / (count - 1), -0.5 + 2 * random.nextDouble(), -0.5 + 2 * random.nextDouble(),
                        0.3 + 6 * random.nextDouble()));
            }
            ViewportPath path = ViewportPath.of(Easing.values()[trial % 3], keys);
            double sourceAspect = trial % 2 == 0 ? FOUR_THIRDS : 3.0 / 4;
            for (int frame = 0; frame < 50; frame++) {
                Region region = path.regionAtFrame(frame, 50, sourceAspect, SIXTEEN_NINTHS);
                assertThat(region.insideFrame()).as("trial %d frame %d: %s", trial, frame, region).isTrue();
                assertThat(region.width() * sourceAspect / region.height()).isCloseTo(SIXTEEN_NINTHS, offset(1e-9));
            }
        }
    }

    @Test
    void aViewportShowingARectangleKeepsItsCentreAndFitsInsideIt() {
        Region wanted = new Region(0.5, 0.25, 0.4, 0.5);
        Viewport viewport = Viewport.showing(wanted, FOUR_THIRDS, SIXTEEN_NINTHS);
        Region shown = viewport.region(FOUR_THIRDS, SIXTEEN_NINTHS);
        assertThat(shown.centreX()).isCloseTo(wanted.centreX(), offset(1e-12));
        assertThat(shown.centreY()).isCloseTo(wanted.centreY(), offset(1e-12));
        assertThat(shown.width()).isCloseTo(0.4, offset(1e-12)); // the width limits: 16:9 of 0.4 wide is 0.225 high
        assertThat(shown.height()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void theFullCropOfFourThirdsForSixteenNinthsIsTheMiddleThreeQuartersOfTheHeight() {
        Region crop = Region.fullCrop(FOUR_THIRDS, SIXTEEN_NINTHS);
        assertThat(crop.width()).isEqualTo(1);
        assertThat(crop.height()).isCloseTo(0.75, offset(1e-12));
        assertThat(crop.y()).isCloseTo(0.125, offset(1e-12));
    }
}
