package studio.timelapse.desktop.ui.library;

import java.nio.file.Path;
import java.util.List;
import studio.timelapse.desktop.ui.common.FrameImage;

/**
 * The frame in the viewer: its file and thumbnail, what the studio knows of it (capture, camera, size, ingest), and
 * its EXIF tags.
 */
public record FrameDetail(long frameId, FrameImage image, boolean rejected, List<Field> capture, List<Field> exif) {
    public FrameDetail {
        capture = List.copyOf(capture);
        exif = List.copyOf(exif);
    }

    /** One line of the viewer's facts. */
    public record Field(String name, String value) {}

    public Path file() {
        return image.file();
    }
}
