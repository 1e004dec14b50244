package studio.timelapse.desktop.render.encode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSIM and PSNR of a video against the raw source frames, measured by ffmpeg in RGB: the video decoded and converted
 * as its colour tags say (untagged video as ffmpeg assumes, BT.601), so a wrong matrix or range costs what it costs a
 * viewer.
 */
record PictureQuality(double ssim, double psnr) {
    private static final Pattern SSIM = Pattern.compile("SSIM R:[0-9.]+ \\S+ G:[0-9.]+ \\S+ B:[0-9.]+ \\S+ All:([0-9.]+)");
    private static final Pattern PSNR = Pattern.compile("PSNR r:[0-9.inf]+ g:[0-9.inf]+ b:[0-9.inf]+ average:([0-9.inf]+)");

    static PictureQuality measure(Path video, BenchmarkFrames source, int frames) throws IOException,
            InterruptedException {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-nostats", "-i", video.toString(),
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", source.width() + "x" + source.height(),
                "-framerate", "25", "-i", source.raw().toString(),
                "-lavfi", "[0:v]format=gbrp,split[a1][a2];[1:v]format=gbrp,split[b1][b2];[a1][b1]ssim;[a2][b2]psnr",
                "-frames:v", Integer.toString(frames), "-f", "null", "-");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg could not compare " + video + ": " + output);
        }
        Matcher ssim = SSIM.matcher(output);
        Matcher psnr = PSNR.matcher(output);
        if (!ssim.find() || !psnr.find()) {
            throw new IOException("No SSIM or PSNR in ffmpeg's answer: " + output);
        }
        return new PictureQuality(Double.parseDouble(ssim.group(1)), Double.parseDouble(psnr.group(1)));
    }
}
