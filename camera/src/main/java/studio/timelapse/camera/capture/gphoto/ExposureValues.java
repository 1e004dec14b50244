package studio.timelapse.camera.capture.gphoto;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Exposure in the words cameras list their choices in: {@code 1/125}, {@code 2.5}, ISO {@code 400}. */
final class ExposureValues {
    /** Full, half and third stops as cameras name them, ISO 50 to 25600. */
    private static final int[] ISO = {50, 64, 80, 100, 125, 160, 200, 250, 320, 400, 500, 640, 800, 1000, 1250, 1600,
            2000, 2500, 3200, 4000, 5000, 6400, 8000, 10000, 12800, 16000, 20000, 25600};

    private ExposureValues() {}

    /** {@code 1/N} below a second, else seconds with at most one decimal ({@code 1}, {@code 1.3}, {@code 30}). */
    static String shutter(double seconds) {
        if (seconds < 1) {
            return "1/" + Math.max(1, Math.round(1 / seconds));
        }
        return BigDecimal.valueOf(seconds).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The standard ISO nearest (in stops) to {@code gain} × 100. */
    static int iso(double gain) {
        double wanted = Math.log(gain * 100);
        return IntStream.of(ISO).boxed().min(Comparator.comparingDouble(iso -> Math.abs(Math.log(iso) - wanted)))
                .orElseThrow();
    }
}
