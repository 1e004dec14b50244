package studio.timelapse.desktop.render.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A video as ordinary tools see it: what {@code ffprobe} reports about its stream and frames, and its frames decoded
 * by {@code ffmpeg} to RGB the way a player shows them (with the stream's own colour tags). Independent of our code,
 * so a test that passes means other software reads our files right.
 */
final class DecodedVideo {
    private static final ObjectMapper JSON = new ObjectMapper();

    final JsonNode stream;
    final JsonNode format;
    final List<Double> presentationTimes;
    final List<Boolean> keyFrames;
    final List<int[]> frames;
    final int width;
    final int height;

    private DecodedVideo(JsonNode stream, JsonNode format, List<Double> presentationTimes, List<Boolean> keyFrames,
            List<int[]> frames) {
        this.stream = stream;
        this.format = format;
        this.presentationTimes = presentationTimes;
        this.keyFrames = keyFrames;
        this.frames = frames;
        this.width = stream.path("width").asInt();
        this.height = stream.path("height").asInt();
    }

    static DecodedVideo of(Path file) throws IOException, InterruptedException {
        JsonNode probe = JSON.readTree(run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_streams",
                "-show_format", "-show_frames", "-show_entries",
                "stream:format:frame=pts_time,best_effort_timestamp_time,key_frame,pict_type",
                "-of", "json", file.toString())));
        JsonNode stream = probe.path("streams").path(0);
        List<Double> times = new ArrayList<>();
        List<Boolean> keys = new ArrayList<>();
        for (JsonNode frame : probe.path("frames")) {
            times.add(frame.path("best_effort_timestamp_time").asDouble(Double.NaN));
            keys.add(frame.path("key_frame").asInt() == 1);
        }
        int width = stream.path("width").asInt();
        int height = stream.path("height").asInt();
        byte[] rgb = run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "rawvideo", "-pix_fmt", "rgb24",
                "-"));
        int frameBytes = width * height * 3;
        List<int[]> frames = new ArrayList<>();
        for (int offset = 0; offset + frameBytes <= rgb.length; offset += frameBytes) {
            int[] pixels = new int[width * height];
            for (int i = 0, in = offset; i < pixels.length; i++, in += 3) {
                pixels[i] = (rgb[in] & 0xff) << 16 | (rgb[in + 1] & 0xff) << 8 | (rgb[in + 2] & 0xff);
            }
            frames.add(pixels);
        }
        return new DecodedVideo(stream, probe.path("format"), times, keys, frames);
    }

    String text(String field) {
        return stream.path(field).asText();
    }

    double duration() {
        return stream.path("duration").asDouble();
    }

    /** PSNR of all three channels of decoded frame {@code decoded} against {@code source}, in dB. */
    double psnr(int decoded, int[] source) {
        int[] pixels = frames.get(decoded);
        double squares = 0;
        for (int i = 0; i < pixels.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int difference = ((pixels[i] >> shift) & 0xff) - ((source[i] >> shift) & 0xff);
                squares += difference * difference;
            }
        }
        double meanSquare = squares / (pixels.length * 3.0);
        return meanSquare == 0 ? 99 : 10 * Math.log10(255 * 255 / meanSquare);
    }

    /** The average colour of decoded frame {@code decoded}, as {r, g, b}. */
    double[] meanColour(int decoded) {
        int[] pixels = frames.get(decoded);
        double[] sums = new double[3];
        for (int pixel : pixels) {
            sums[0] += (pixel >> 16) & 0xff;
            sums[1] += (pixel >> 8) & 0xff;
            sums[2] += pixel & 0xff;
        }
        return new double[] {sums[0] / pixels.length, sums[1] / pixels.length, sums[2] / pixels.length};
    }

    private static byte[] run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] output = readAll(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: "
                    + new String(errors.join(), StandardCharsets.UTF_8));
        }
        return output;
    }

    private static byte[] readAll(InputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
