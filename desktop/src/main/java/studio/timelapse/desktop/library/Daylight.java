package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Optional;
import studio.timelapse.shared.astronomy.DayPhase;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * Whether a frame was taken in daylight, judged by the best evidence at hand, in this order:
 * <ol>
 *   <li><b>The Sun</b>, when the camera's location is known: day while the Sun is up at the moment of capture (its
 *       upper edge above the horizon, {@link DayPhase#DAY}). Exact, and needs no look at the picture.</li>
 *   <li><b>The scene's brightness</b>, once ingest measured the frame and its EXIF gives exposure time, aperture and
 *       ISO: the exposure the camera chose (EV at ISO 100), corrected by how bright the picture came out
 *       ({@code + log2(meanLuma / 118)}), is the scene's light. Day from {@value #DAY_SCENE_EV} EV up — an overcast
 *       sky is about 12, the last light after sunset about 9, dusk about 6. Auto-exposure cannot fool this, as it
 *       can fool brightness alone.</li>
 *   <li><b>The picture's brightness</b>, once ingested without exposure data: day from a mean luminance of
 *       {@value #DAY_MEAN_LUMA} (of 255) up. Right for cameras with fixed exposure, which is what lacks EXIF.</li>
 *   <li>Otherwise it cannot be told yet (no location, not ingested): the frame is <b>kept</b> — a sequence should not
 *       silently lose frames it cannot judge; it settles once ingest has run.</li>
 * </ol>
 */
public final class Daylight {
    public static final double DAY_SCENE_EV = 9.0;
    public static final double DAY_MEAN_LUMA = 40.0;
    /** Middle grey in 8-bit sRGB: what an exposure meter aims for. */
    private static final double METERED_LUMA = 118.0;
    /** {@value #DAY_SCENE_EV} EV as light: 2⁹. */
    private static final double DAY_SCENE_LIGHT = 512.0;

    /** How a frame was judged. */
    public enum Verdict {
        DAY, NIGHT, UNKNOWN;

        /** Whether a daytime-only sequence keeps the frame. */
        public boolean kept() {
            return this != NIGHT;
        }
    }

    /** The evidence a verdict rests on: the first of the rules above that applies to the frame. */
    public enum Basis {
        SUN, SCENE_EXPOSURE, PICTURE_BRIGHTNESS, NOT_YET_MEASURED
    }

    private Daylight() {}

    /** Which rule {@link #of} judges the frame by, to say so beside the verdict. */
    public static Basis basis(Frame frame, Optional<GeoPosition> cameraLocation) {
        return basis(cameraLocation, frame.ingested().map(Frame.Ingested::meanLuma),
                frame.ingested().map(Frame.Ingested::exposure).orElse(Exposure.UNKNOWN));
    }

    public static Verdict of(Frame frame, Optional<GeoPosition> cameraLocation) {
        return judge(frame.capturedAt(), cameraLocation, frame.ingested().map(Frame.Ingested::meanLuma),
                frame.ingested().map(Frame.Ingested::exposure).orElse(Exposure.UNKNOWN));
    }

    /** The first rule that applies: the one place that chooses, for the verdict and for saying which rule it was. */
    private static Basis basis(Optional<GeoPosition> cameraLocation, Optional<Double> meanLuma, Exposure exposure) {
        if (cameraLocation.isPresent()) {
            return Basis.SUN;
        }
        if (meanLuma.isEmpty()) {
            return Basis.NOT_YET_MEASURED;
        }
        return exposure.ev100().isPresent() ? Basis.SCENE_EXPOSURE : Basis.PICTURE_BRIGHTNESS;
    }

    /** The rule on the facts it needs: when, where, and what ingest measured (empty luminance: not ingested). */
    static Verdict judge(Instant capturedAt, Optional<GeoPosition> cameraLocation, Optional<Double> meanLuma,
            Exposure exposure) {
        return switch (basis(cameraLocation, meanLuma, exposure)) {
            case SUN -> DayPhase.at(capturedAt, cameraLocation.get()) == DayPhase.DAY ? Verdict.DAY : Verdict.NIGHT;
            case NOT_YET_MEASURED -> Verdict.UNKNOWN;
            case SCENE_EXPOSURE, PICTURE_BRIGHTNESS ->
                    judgedNight(meanLuma.get(), exposure) ? Verdict.NIGHT : Verdict.DAY;
        };
    }

    /**
     * The rule without a location, on what ingest measured: what ingest stores as {@code frame.judged_night}. The
     * scene's light is compared as a product rather than in logarithms, {@code N²/t · 100/ISO · luma/118 ≥ 2⁹}
     * (the same as {@value #DAY_SCENE_EV} EV), so that SQL (the migration that filled the column for frames ingested
     * before it existed) computes exactly the same doubles in the same order.
     */
    static boolean judgedNight(double meanLuma, Exposure exposure) {
        if (exposure.ev100().isPresent()) {
            double n = exposure.fNumber().getAsDouble();
            double sceneLight = n * n / exposure.timeSeconds().getAsDouble() * 100.0 / exposure.iso().getAsInt()
                    * Math.max(meanLuma, 0.5) / METERED_LUMA;
            return sceneLight < DAY_SCENE_LIGHT;
        }
        return meanLuma < DAY_MEAN_LUMA;
    }
}
