package studio.timelapse.desktop.render.encode.x264;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import studio.timelapse.desktop.render.encode.Availability;

/** An {@code ffmpeg} executable: found on PATH, asked whether it has libx264. */
final class FfmpegProgram {
    private static final long PROBE_SECONDS = 20;

    private FfmpegProgram() {}

    static Availability probe(Optional<Path> executable) {
        if (executable.isEmpty()) {
            return Availability.unavailable("no ffmpeg on PATH",
                    "install ffmpeg with libx264 (e.g. apt install ffmpeg) and put it on PATH");
        }
        Path ffmpeg = executable.get();
        try {
            Process process = new ProcessBuilder(List.of(ffmpeg.toString(), "-hide_banner", "-encoders"))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String encoders = readAll(process.getInputStream());
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Availability.unavailable(ffmpeg + " did not answer within " + PROBE_SECONDS + " s",
                        "check that " + ffmpeg + " runs");
            }
            if (process.exitValue() != 0) {
                return Availability.unavailable(ffmpeg + " -encoders failed with exit code " + process.exitValue(),
                        "check that " + ffmpeg + " runs");
            }
            if (!encoders.contains("libx264")) {
                return Availability.unavailable(ffmpeg + " was built without libx264",
                        "install an ffmpeg built with libx264 (--enable-gpl --enable-libx264)");
            }
            return Availability.available("libx264 in " + ffmpeg);
        } catch (IOException e) {
            return Availability.unavailable(ffmpeg + " does not start: " + e.getMessage(),
                    "check that " + ffmpeg + " is an ffmpeg executable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.unavailable("interrupted while asking " + ffmpeg + " for its encoders", null);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
