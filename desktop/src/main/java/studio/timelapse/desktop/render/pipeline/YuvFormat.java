package studio.timelapse.desktop.render.pipeline;

import java.util.Objects;
import studio.timelapse.desktop.render.encode.ColourRange;
import studio.timelapse.desktop.render.encode.ColourSpace;

/**
 * The encoder's YUV 4:2:0, for a stream asked to deliver {@link YuvPlanes} instead of RGB pixels: the pipeline then
 * converts a JPEG's YCbCr straight into it, once, where RGB frames would be converted twice.
 */
public record YuvFormat(ColourSpace space, ColourRange range) {

    public YuvFormat {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(range, "range");
    }
}
