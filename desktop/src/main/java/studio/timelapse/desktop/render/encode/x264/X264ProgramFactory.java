package studio.timelapse.desktop.render.encode.x264;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import studio.timelapse.desktop.render.encode.Availability;
import studio.timelapse.desktop.render.encode.EncoderFactory;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * x264 in an {@code ffmpeg} program on PATH, fed raw frames through a pipe: for platforms without bundled FFmpeg
 * libraries (or where they fail to load). Same settings, same CRF, same colour tags as {@link X264LibraryFactory}.
 */
public final class X264ProgramFactory implements EncoderFactory {
    public static final String NAME = "x264-cli";

    private final ExecutableLocator locator;
    private Availability availability;
    private Optional<Path> executable;

    public X264ProgramFactory(ExecutableLocator locator) {
        this.locator = locator;
    }

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
            executable = locator.find("ffmpeg");
            availability = FfmpegProgram.probe(executable);
        }
        return availability;
    }

    @Override
    public VideoEncoder open(EncoderSettings settings, Path output) throws IOException {
        Availability here = availability();
        if (!here.available()) {
            throw new RefusedException(here.refusal(NAME));
        }
        return X264ProgramEncoder.start(executable.orElseThrow(), settings, output);
    }
}
