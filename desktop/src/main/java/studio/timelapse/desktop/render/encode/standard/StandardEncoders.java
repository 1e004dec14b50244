package studio.timelapse.desktop.render.encode.standard;

import java.util.List;
import studio.timelapse.desktop.render.encode.Encoders;
import studio.timelapse.desktop.render.encode.jcodec.JCodecEncoderFactory;
import studio.timelapse.desktop.render.encode.x264.ExecutableLocator;
import studio.timelapse.desktop.render.encode.x264.X264LibraryFactory;
import studio.timelapse.desktop.render.encode.x264.X264ProgramFactory;

/**
 * The studio's encoders in order of preference: x264 in the bundled FFmpeg libraries, x264 in an ffmpeg program on
 * PATH, JCodec. Availability is checked when first asked, not here (loading FFmpeg takes a few hundred milliseconds).
 */
public final class StandardEncoders {
    private StandardEncoders() {}

    public static Encoders create(ExecutableLocator locator) {
        return new Encoders(List.of(new X264LibraryFactory(), new X264ProgramFactory(locator),
                new JCodecEncoderFactory()));
    }

    /** With this process's PATH. */
    public static Encoders create() {
        return create(ExecutableLocator.ofThisProcess());
    }
}
