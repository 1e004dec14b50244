package studio.timelapse.desktop.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an ordinary player sees in a video: FFmpeg's own decoder (the {@code ffmpeg} program, which CI installs)
 * decodes it to grey frames, and each frame's mean brightness comes back.
 */
public final class VideoProbe {
    private VideoProbe() {}

    /** Each decoded frame's mean brightness (0–255), in display order. */
    public static List<Double> frameMeans(Path video, int width, int height) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", video.toString(), "-f", "rawvideo",
                "-pix_fmt", "gray", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] pixels;
        try (InputStream in = ffmpeg.getInputStream()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            pixels = all.toByteArray();
        }
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg could not decode " + video);
        }
        int frameBytes = width * height;
        if (pixels.length % frameBytes != 0) {
            throw new IOException("ffmpeg decoded " + pixels.length + " bytes, not whole " + width + "x" + height
                    + " frames");
        }
        List<Double> means = new ArrayList<>();
        for (int offset = 0; offset < pixels.length; offset += frameBytes) {
            long sum = 0;
            for (int i = offset; i < offset + frameBytes; i++) {
                sum += pixels[i] & 0xff;
            }
            means.add(sum / (double) frameBytes);
        }
        return means;
    }

    /** {@code ffprobe}'s view of the video stream: codec, size, frame count and duration. */
    public static String streamSummary(Path video) throws IOException, InterruptedException {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=codec_name,width,height,nb_read_frames,pix_fmt", "-show_entries",
                "format=duration", "-of", "compact=p=0:nk=0", video.toString())
                .redirectErrorStream(true).start();
        String text = new String(ffprobe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ffprobe.waitFor();
        return text.replace('\n', '|');
    }
}
