package studio.timelapse.desktop.render.look;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.Rectangle;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.refusal.RefusedException;

/** Overlays drawn with Java2D onto real frames, headless. */
class OverlayTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int GREY = 0x808080;
    private static final OffsetDateTime NOON_IN_BERLIN = OffsetDateTime.parse("2026-06-21T12:34:56+02:00");

    private static int[] greyFrame() {
        int[] pixels = new int[WIDTH * HEIGHT];
        Arrays.fill(pixels, GREY);
        return pixels;
    }

    private static FrameMoment moment(int position, Optional<OffsetDateTime> time) {
        return new FrameMoment(position, 100, 25, time);
    }

    /** The bounding box of the pixels that are no longer grey, and how many are near white and near black. */
    private record Ink(Rectangle box, int white, int dark) {}

    private static Ink ink(int[] pixels) {
        Rectangle box = null;
        int white = 0;
        int dark = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int p = pixels[y * WIDTH + x];
                if (p != GREY) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
                white += (p & 0xff) > 240 ? 1 : 0;
                dark += (p & 0xff) < 30 ? 1 : 0;
            }
        }
        return new Ink(box, white, dark);
    }

    @Test
    void theCaptureTimeIsWrittenInItsCornerInWhiteWithADarkOutline() {
        CaptureTimeOverlay overlay = CaptureTimeOverlay.of("yyyy-MM-dd HH:mm");
        for (Corner corner : Corner.values()) {
            int[] pixels = greyFrame();
            new OverlayPainter(List.of(overlay.at(corner))).paint(pixels, WIDTH, HEIGHT,
                    moment(3, Optional.of(NOON_IN_BERLIN)));
            Ink ink = ink(pixels);
            assertThat(ink.white()).as(corner.name()).isGreaterThan(100);
            assertThat(ink.dark()).as(corner.name()).isGreaterThan(100);
            int margin = (int) (HEIGHT * CaptureTimeOverlay.DEFAULT_MARGIN);
            Rectangle box = ink.box();
            // In its corner: within the margin (plus the outline) of both of its edges, and out of the middle.
            if (corner.name().endsWith("LEFT")) {
                assertThat(box.x).as(corner.name()).isBetween(margin - 6, margin + 4);
                assertThat(box.x + box.width).isLessThan(WIDTH / 2);
            } else {
                assertThat(box.x + box.width).as(corner.name()).isBetween(WIDTH - margin - 4, WIDTH - margin + 6);
                assertThat(box.x).isGreaterThan(WIDTH / 2);
            }
            if (corner.name().startsWith("TOP")) {
                assertThat(box.y).as(corner.name()).isBetween(margin - 6, margin + 8);
                assertThat(box.y + box.height).isLessThan(HEIGHT / 3);
            } else {
                assertThat(box.y + box.height).as(corner.name()).isBetween(HEIGHT - margin - 8, HEIGHT - margin + 8);
                assertThat(box.y).isGreaterThan(HEIGHT * 2 / 3);
            }
        }
    }

    @Test
    void theTextSizeAndMarginFollowTheFrameSize() {
        CaptureTimeOverlay overlay = CaptureTimeOverlay.of("HH:mm").at(Corner.TOP_LEFT);
        int[] small = greyFrame();
        new OverlayPainter(List.of(overlay)).paint(small, WIDTH, HEIGHT, moment(0, Optional.of(NOON_IN_BERLIN)));
        int bigWidth = WIDTH * 2;
        int bigHeight = HEIGHT * 2;
        int[] big = new int[bigWidth * bigHeight];
        Arrays.fill(big, GREY);
        new OverlayPainter(List.of(overlay)).paint(big, bigWidth, bigHeight, moment(0, Optional.of(NOON_IN_BERLIN)));
        Rectangle smallBox = ink(small).box();
        Rectangle bigBox = boxOf(big, bigWidth, bigHeight);
        assertThat((double) bigBox.width / smallBox.width).isCloseTo(2, offset(0.15));
        assertThat((double) bigBox.x / smallBox.x).isCloseTo(2, offset(0.3));
    }

    @Test
    void theTimeIsShownWhereTheFrameWasTakenUnlessAZoneIsGiven() {
        CaptureTimeOverlay local = CaptureTimeOverlay.of("yyyy-MM-dd HH:mm:ss xxx");
        assertThat(local.text(NOON_IN_BERLIN)).isEqualTo("2026-06-21 12:34:56 +02:00");
        assertThat(local.inZone(ZoneId.of("UTC")).text(NOON_IN_BERLIN)).isEqualTo("2026-06-21 10:34:56 +00:00");
        assertThat(CaptureTimeOverlay.of("d MMMM yyyy").text(NOON_IN_BERLIN)).isEqualTo("21 June 2026");
    }

    @Test
    void aFrameWithoutACaptureTimeGetsNoText() {
        int[] pixels = greyFrame();
        new OverlayPainter(List.of(CaptureTimeOverlay.of("HH:mm"))).paint(pixels, WIDTH, HEIGHT,
                moment(0, Optional.empty()));
        assertThat(ink(pixels).box()).isNull();
    }

    @Test
    void aPatternThatIsNotADateTimePatternIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CaptureTimeOverlay.of("yyyy-MM-dd {HH}")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("yyyy-MM-dd {HH}")
                .satisfies(e -> assertThat(((RefusedException) e).refusals().get(0).details())
                        .containsEntry("field", "overlay_time"));
    }

    @Test
    void theTitleFadesInHoldsAndFadesOut() {
        TitleOverlay title = TitleOverlay.timed("Dawn over the valley", Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        assertThat(title.opacityAt(0)).isZero();
        assertThat(title.opacityAt(0.5)).isCloseTo(0.5, offset(1e-9));
        assertThat(title.opacityAt(2)).isEqualTo(1);
        assertThat(title.opacityAt(3.5)).isCloseTo(0.5, offset(1e-9));
        assertThat(title.opacityAt(4.5)).isZero();

        int[] first = greyFrame();
        new OverlayPainter(List.of(title)).paint(first, WIDTH, HEIGHT, moment(0, Optional.empty()));
        assertThat(ink(first).box()).as("invisible on the first frame").isNull();

        int[] shown = greyFrame();
        new OverlayPainter(List.of(title)).paint(shown, WIDTH, HEIGHT, moment(50, Optional.empty())); // 2 s at 25 fps
        Ink ink = ink(shown);
        assertThat(ink.white()).isGreaterThan(300);
        Rectangle box = ink.box();
        assertThat(box.x + box.width / 2.0).isCloseTo(WIDTH / 2.0, offset(6.0));
        assertThat(box.y + box.height / 2.0).isCloseTo(HEIGHT / 2.0, offset(12.0));

        int[] fading = greyFrame();
        new OverlayPainter(List.of(title)).paint(fading, WIDTH, HEIGHT, moment(13, Optional.empty())); // 0.52 s
        int brightestFading = Arrays.stream(fading).map(p -> p & 0xff).max().orElseThrow();
        assertThat(brightestFading).isBetween(0x90, 0xe0);
    }

    @Test
    void thisSystemCanDrawText() {
        OverlayPainter.checkFonts();
    }

    private static Rectangle boxOf(int[] pixels, int width, int height) {
        Rectangle box = null;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] != GREY) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return box;
    }
}
