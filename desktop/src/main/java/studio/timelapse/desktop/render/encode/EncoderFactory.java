package studio.timelapse.desktop.render.encode;

import java.io.IOException;
import java.nio.file.Path;

/** One way of encoding H.264 (JCodec, x264 in FFmpeg's libraries, x264 in an ffmpeg executable). */
public interface EncoderFactory {

    /** A stable name for the command line, settings and logs: {@code jcodec}, {@code x264}, {@code x264-cli}. */
    String name();

    /** The codec implementation, which the user chooses by: {@code jcodec} or {@code x264}. */
    String family();

    /** Whether it can run here, checked once and remembered (it may load native libraries or look for a program). */
    Availability availability();

    /**
     * Starts a stream into {@code output} (an {@code .mp4}, created or replaced). Throws a {@code RefusedException}
     * when the encoder is not available or cannot encode these settings.
     */
    VideoEncoder open(EncoderSettings settings, Path output) throws IOException;
}
