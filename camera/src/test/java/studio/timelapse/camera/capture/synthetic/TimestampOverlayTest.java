package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The burnt-in timestamp, drawn on a black frame so every lit pixel belongs to it. */
class TimestampOverlayTest {
    private static final Instant NOON = Instant.parse("2026-06-21T12:00:00Z");

    /** Pixels (x, y) set to white. */
    private static Set<Long> white(Instant time, ZoneId zone, int width, int height) {
        byte[] pixels = new byte[3 * width * height];
        new TimestampOverlay(zone).draw(time, pixels, width, height);
        Set<Long> white = new HashSet<>();
        for (int i = 0; i < width * height; i++) {
            if (pixels[3 * i] == (byte) 0xFF && pixels[3 * i + 1] == (byte) 0xFF && pixels[3 * i + 2] == (byte) 0xFF) {
                white.add(((long) (i % width) << 32) | (i / width));
            }
        }
        return white;
    }

    private static int x(long pixel) {
        return (int) (pixel >> 32);
    }

    private static int y(long pixel) {
        return (int) pixel;
    }

    @Test
    void writesTheDateTimeAndOffsetInTheBottomLeftCorner() {
        Set<Long> text = white(NOON, ZoneOffset.UTC, 640, 360);

        int width = PixelFont.width("2026-06-21 12:00:00 +00:00", 1);
        assertThat(text).isNotEmpty().allSatisfy(pixel -> {
            assertThat(x(pixel)).isBetween(3, 3 + width);
            assertThat(y(pixel)).isBetween(360 - 3 - PixelFont.GLYPH_HEIGHT, 360 - 3);
        });
        assertThat(text.stream().mapToInt(TimestampOverlayTest::x).max().orElseThrow()).isGreaterThan(3 + width - 6);
    }

    @Test
    void aSecondLaterOnlyTheLastDigitsPixelsChange() {
        Set<Long> noon = white(NOON, ZoneOffset.UTC, 640, 360);
        Set<Long> later = white(NOON.plusSeconds(1), ZoneOffset.UTC, 640, 360);

        Set<Long> changed = new HashSet<>(noon);
        changed.addAll(later);
        Set<Long> same = new HashSet<>(noon);
        same.retainAll(later);
        changed.removeAll(same);

        int secondsDigit = 3 + "2026-06-21 12:00:0".length() * PixelFont.ADVANCE;
        assertThat(changed).isNotEmpty().allSatisfy(pixel ->
                assertThat(x(pixel)).isBetween(secondsDigit, secondsDigit + PixelFont.GLYPH_WIDTH - 1));
    }

    @Test
    void showsTheScenesLocalTimeWithItsOffset() {
        Set<Long> utc = white(NOON, ZoneOffset.UTC, 640, 360);
        Set<Long> berlin = white(NOON, ZoneId.of("Europe/Berlin"), 640, 360);

        assertThat(berlin).isNotEqualTo(utc);
        assertThat(berlin).isEqualTo(white(Instant.parse("2026-06-21T12:00:00Z"), ZoneOffset.ofHours(2), 640, 360));
    }

    @Test
    void narrowFramesShowTheTimeAloneAndTinyOnesNothing() {
        Set<Long> narrow = white(NOON, ZoneOffset.UTC, 64, 48);
        Set<Long> tiny = white(NOON, ZoneOffset.UTC, 30, 10);

        assertThat(narrow).isNotEmpty().allSatisfy(pixel ->
                assertThat(x(pixel)).isLessThan(3 + PixelFont.width("12:00:00", 1)));
        assertThat(tiny).isEmpty();
    }

    @Test
    void tallFramesGetLargerText() {
        Set<Long> small = white(NOON, ZoneOffset.UTC, 1920, 270);
        Set<Long> large = white(NOON, ZoneOffset.UTC, 1920, 1080);

        assertThat(large).hasSize(small.size() * 16);
    }
}
