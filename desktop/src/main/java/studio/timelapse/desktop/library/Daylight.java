package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
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
        if (cameraLocation.isPresent()) {
            return Basis.SUN;
        }
        if (frame.ingested().isEmpty()) {
            return Basis.NOT_YET_MEASURED;
        }
        return frame.ingested().get().exposure().ev100().isPresent() ? Basis.SCENE_EXPOSURE
                : Basis.PICTURE_BRIGHTNESS;
    }

    public static Verdict of(Frame frame, Optional<GeoPosition> cameraLocation) {
        return judge(frame.capturedAt(), cameraLocation, frame.ingested().map(Frame.Ingested::meanLuma),
                frame.ingested().map(Frame.Ingested::exposure).orElse(Exposure.UNKNOWN));
    }

    /** The rule on the facts it needs: when, where, and what ingest measured (empty luminance: not ingested). */
    static Verdict judge(Instant capturedAt, Optional<GeoPosition> cameraLocation, Optional<Double> meanLuma,
            Exposure exposure) {
        if (cameraLocation.isPresent()) {
            return DayPhase.at(capturedAt, cameraLocation.get()) == DayPhase.DAY ? Verdict.DAY : Verdict.NIGHT;
        }
        if (meanLuma.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        OptionalDouble ev100 = exposure.ev100();
        if (ev100.isPresent()) {
            double scene = ev100.getAsDouble() + Math.log(Math.max(meanLuma.get(), 0.5) / METERED_LUMA) / Math.log(2);
            return scene >= DAY_SCENE_EV ? Verdict.DAY : Verdict.NIGHT;
        }
        return meanLuma.get() >= DAY_MEAN_LUMA ? Verdict.DAY : Verdict.NIGHT;
    }
}
