package studio.timelapse.shared.protocol;

import java.util.Optional;

/**
 * How one frame is taken. Auto exposure flickers across a long run; locked settings (or a ramp across dusk and
 * dawn, computed per frame by the agent) keep frames consistent.
 *
 * @param width pixels; 0 means the camera's full resolution
 * @param height pixels; 0 means the camera's full resolution
 * @param jpegQuality 1–100
 * @param shutterSeconds a fixed exposure time; empty for automatic exposure
 * @param gain a fixed analogue gain (ISO / 100 on DSLRs); empty for automatic
 * @param whiteBalanceKelvin a fixed colour temperature; empty for automatic white balance
 * @param hdr the camera's own HDR mode, where it has one
 */
public record FrameSettings(int width, int height, int jpegQuality, Optional<Double> shutterSeconds,
        Optional<Double> gain, Optional<Integer> whiteBalanceKelvin, boolean hdr) {

    public FrameSettings {
        if (width < 0 || height < 0 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("width and height are 0 (full) to 20000 pixels, were " + width + "x" + height);
        }
        if ((width == 0) != (height == 0)) {
            throw new IllegalArgumentException("give both width and height, or neither (full resolution)");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality is 1–100, was " + jpegQuality);
        }
        shutterSeconds.ifPresent(s -> {
            if (!(s > 0 && s <= 3600)) {
                throw new IllegalArgumentException("a shutter time is more than 0 and at most 3600 s, was " + s);
            }
        });
        gain.ifPresent(g -> {
            if (!(g >= 1 && g <= 256)) {
                throw new IllegalArgumentException("gain is 1–256, was " + g);
            }
        });
        whiteBalanceKelvin.ifPresent(k -> {
            if (k < 1500 || k > 15000) {
                throw new IllegalArgumentException("white balance is 1500–15000 K, was " + k);
            }
        });
    }

    /** Full resolution, quality 90, everything automatic. */
    public static FrameSettings automatic() {
        return new FrameSettings(0, 0, 90, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public FrameSettings withSize(int newWidth, int newHeight) {
        return new FrameSettings(newWidth, newHeight, jpegQuality, shutterSeconds, gain, whiteBalanceKelvin, hdr);
    }

    public FrameSettings withExposure(double shutter, double newGain) {
        return new FrameSettings(width, height, jpegQuality, Optional.of(shutter), Optional.of(newGain),
                whiteBalanceKelvin, hdr);
    }

    public boolean manualExposure() {
        return shutterSeconds.isPresent();
    }
}
