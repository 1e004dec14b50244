package studio.timelapse.desktop.render.encode.x264;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;
import studio.timelapse.desktop.render.encode.Availability;

/**
 * The FFmpeg libraries bundled for this platform ({@code org.bytedeco:ffmpeg} with the {@code gpl} natives), loaded on
 * first use: whether they load here and hold libx264, and how FFmpeg's error codes read.
 */
final class FfmpegLibraries {
    private FfmpegLibraries() {}

    /** Loads the natives and looks for libx264; never throws, whatever is missing. */
    static Availability probe() {
        String platform = platform();
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            // x264 and FFmpeg print progress and notices on stderr; errors reach us as return codes.
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            AVCodec x264 = avcodec.avcodec_find_encoder_by_name("libx264");
            if (x264 == null || x264.isNull()) {
                return Availability.unavailable("the FFmpeg libraries for " + platform + " have no libx264 (a build"
                        + " without the gpl classifier)", "install ffmpeg with libx264 on PATH, or choose jcodec");
            }
            return Availability.available("libx264 in the bundled FFmpeg " + avutil.av_version_info().getString()
                    + " libraries for " + platform);
        } catch (Throwable e) {                        // UnsatisfiedLinkError, NoClassDefFoundError and their kin
            String message = String.valueOf(e.getMessage());
            int searchPath = message.indexOf(" in java.library.path");     // a long list of folders, no news
            return Availability.unavailable("no FFmpeg libraries load for " + platform + " ("
                    + e.getClass().getSimpleName() + ": " + (searchPath > 0 ? message.substring(0, searchPath) : message)
                    + ")",
                    "install ffmpeg with libx264 and put it on PATH, or choose jcodec");
        }
    }

    private static String platform() {
        try {
            return Loader.getPlatform();
        } catch (Throwable e) {
            return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        }
    }

    /** FFmpeg's message for a negative return code. */
    static String describe(int errorCode) {
        byte[] message = new byte[256];
        avutil.av_strerror(errorCode, message, message.length);
        int length = 0;
        while (length < message.length && message[length] != 0) {
            length++;
        }
        return new String(message, 0, length, java.nio.charset.StandardCharsets.UTF_8) + " (" + errorCode + ")";
    }
}
