package studio.timelapse.desktop.render.encode.x264;

import java.io.IOException;
import java.nio.file.Path;
import studio.timelapse.desktop.render.encode.Availability;
import studio.timelapse.desktop.render.encode.EncoderFactory;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.shared.refusal.RefusedException;

/** x264 in the FFmpeg libraries bundled with the studio: nothing to install, and the best files per byte. */
public final class X264LibraryFactory implements EncoderFactory {
    public static final String NAME = "x264";

    private Availability availability;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return "x264";
    }

    @Override
    public synchronized Availability availability() {
        if (availability == null) {
            availability = FfmpegLibraries.probe();
        }
        return availability;
    }

    @Override
    public VideoEncoder open(EncoderSettings settings, Path output) throws IOException {
        Availability here = availability();
        if (!here.available()) {
            throw new RefusedException(here.refusal(NAME));
        }
        return new X264LibraryEncoder(settings, output);
    }
}
