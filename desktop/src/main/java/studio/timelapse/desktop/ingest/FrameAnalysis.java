package studio.timelapse.desktop.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.desktop.library.Exposure;

/**
 * What ingest learns about one frame.
 *
 * @param width the image's width as stored, which decoders return (turn by {@code orientation} for display)
 * @param height the image's height as stored
 * @param orientation how to turn the stored image upright (EXIF), {@link Orientation#NORMAL} when unsaid
 * @param thumbnail upright, at most 320 px on its long side
 * @param meanLuma mean BT.709 luma of the whole image, 0..255
 * @param histogram distribution of luma over the image
 * @param exposure what the camera recorded
 * @param captureTime when the camera says it took the frame, if it says
 * @param decoding how the image data was read
 * @param notes things worth knowing that did not stop the analysis ("EXIF unreadable: …")
 */
public record FrameAnalysis(int width, int height, Orientation orientation, Thumbnail thumbnail, double meanLuma,
        LumaHistogram histogram, Exposure exposure, Optional<CaptureTime> captureTime, Decoding decoding,
        List<String> notes) {

    /** How the image data was read. */
    public enum Decoding {
        /** Our own decoder of the JPEG's DC coefficients: 8×8 block means, without inverse DCTs. */
        DC_COEFFICIENTS,
        /** The JDK's full decoder (ImageIO), for JPEG flavours the DC decoder does not read (progressive, …). */
        IMAGEIO
    }

    public FrameAnalysis {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(captureTime, "captureTime");
        Objects.requireNonNull(decoding, "decoding");
        notes = List.copyOf(notes);
    }

    /** What the library stores of it. */
    public studio.timelapse.desktop.library.FrameAnalysis toLibrary() {
        return new studio.timelapse.desktop.library.FrameAnalysis(meanLuma, histogram.counts(), exposure, width,
                height, Optional.of(new studio.timelapse.desktop.library.Thumbnail(thumbnail.width(),
                        thumbnail.height(), thumbnail.jpeg())));
    }

    public int uprightWidth() {
        return orientation.swapsSides() ? height : width;
    }

    public int uprightHeight() {
        return orientation.swapsSides() ? width : height;
    }
}
