package studio.timelapse.desktop.render.encode.jcodec;

import java.io.IOException;
import java.nio.file.Path;
import studio.timelapse.desktop.render.encode.Availability;
import studio.timelapse.desktop.render.encode.EncoderFactory;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.VideoEncoder;

/** JCodec: pure Java, so it runs wherever the studio runs — the encoder of last resort, and the one on a Pi. */
public final class JCodecEncoderFactory implements EncoderFactory {
    public static final String NAME = "jcodec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return NAME;
    }

    @Override
    public Availability availability() {
        return Availability.available("JCodec 0.2.5, pure Java: runs on every platform, about 9 times x264's file size"
                + " at equal quality");
    }

    @Override
    public VideoEncoder open(EncoderSettings settings, Path output) throws IOException {
        return new JCodecVideoEncoder(settings, output);
    }
}
