package studio.timelapse.desktop.render.encode.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import studio.timelapse.desktop.render.encode.EncoderFactory;
import studio.timelapse.desktop.render.encode.EncoderSettings;
import studio.timelapse.desktop.render.encode.FrameRate;
import studio.timelapse.desktop.render.encode.SegmentJoiner;
import studio.timelapse.desktop.render.encode.VideoEncoder;
import studio.timelapse.desktop.render.encode.VideoFrame;
import studio.timelapse.desktop.render.encode.jcodec.JCodecEncoderFactory;
import studio.timelapse.desktop.render.encode.x264.ExecutableLocator;
import studio.timelapse.desktop.render.encode.x264.X264LibraryFactory;
import studio.timelapse.desktop.render.encode.x264.X264ProgramFactory;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * The encoder side of rendering, measured (docs/benchmarks.md, "Encoders"; run by bench/run-encoders.sh). Every
 * encoder gets the same 1080p frames, already decoded, and is timed from the first frame to a finished MP4; each
 * result is then compared with the source frames (SSIM and PSNR in RGB, by ffmpeg). Beside ours: JCodec as it comes
 * ({@code SequenceEncoder}: its converter, its encoder, its muxer) and the ffmpeg command line with x264 on the same
 * raw frames, and on the JPEGs as the reference command reads them.
 *
 * <pre>
 * EncoderBenchmark FRAMES_DIR WORK_DIR COUNT [speed|quality]
 * </pre>
 */
public final class EncoderBenchmark {
    private static final Pattern FFMPEG_BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

    private final BenchmarkFrames frames;
    private final Path work;
    private final ActionLog log;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EncoderBenchmark(BenchmarkFrames frames, Path work, ActionLog log) {
        this.frames = frames;
        this.work = work;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Path framesFolder = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        String mode = args.length > 3 ? args[3] : "speed";
        Files.createDirectories(work);
        try (ActionLog log = ActionLog.builder("bench").logDirectory(work.resolve("logs")).build()) {
            BenchmarkFrames frames = new BenchmarkFrames(framesFolder, 1920, 1080, count);
            frames.prepare(log);
            EncoderBenchmark benchmark = new EncoderBenchmark(frames, work, log);
            if (mode.equals("quality")) {
                benchmark.qualityLadder();
            } else {
                benchmark.speed();
            }
        }
    }

    private void speed() throws Exception {
        EncoderSettings settings = EncoderSettings.of(1920, 1080, FrameRate.of(25));
        JCodecEncoderFactory jcodec = new JCodecEncoderFactory();
        X264LibraryFactory x264 = new X264LibraryFactory();
        X264ProgramFactory x264Program = new X264ProgramFactory(ExecutableLocator.ofThisProcess());
        System.out.println(Result.HEADER);
        report(jcodecAsItComes());
        report(ours("ours: jcodec, 1 thread", jcodec, settings, 1));
        report(ours("ours: jcodec, 2 threads (2 segments + join)", jcodec, settings, 2));
        report(ours("ours: x264 libraries, 1 thread", x264, settings.withThreads(1), 1));
        report(ours("ours: x264 libraries, 2 threads", x264, settings.withThreads(2), 1));
        report(ours("ours: x264 libraries, 2 threads (2 segments + join)", x264, settings.withThreads(1), 2));
        report(ours("ours: x264 ffmpeg program, 2 threads", x264Program, settings.withThreads(2), 1));
        report(ffmpeg("ffmpeg, raw RGB frames, 1 thread", rawInput(), List.of("-threads", "1")));
        report(ffmpeg("ffmpeg, raw RGB frames, 2 threads", rawInput(), List.of("-threads", "2")));
        report(ffmpeg("ffmpeg, the JPEGs (issue's command)", List.of("-framerate", "25", "-i", frames.jpegPattern()),
                List.of("-vf", "scale=1920:-2")));
    }

    /** Size and picture for each quality setting, JCodec beside x264: what docs/rendering.md's mapping rests on. */
    private void qualityLadder() throws Exception {
        System.out.println("| quality | encoder | QP / CRF | bytes/frame | SSIM | PSNR dB |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        for (int quality = 10; quality <= 100; quality += 10) {
            for (EncoderFactory factory : List.of(new X264LibraryFactory(), new JCodecEncoderFactory())) {
                EncoderSettings settings = EncoderSettings.of(1920, 1080, FrameRate.of(25)).withQuality(quality);
                Result result = ours(factory.name() + " q" + quality, factory, settings, 1);
                String control = factory.name().equals("jcodec") ? "P-frame QP from the quality"
                        : String.format(Locale.ROOT, "CRF %.1f", 41 - 0.3 * quality);
                System.out.printf(Locale.ROOT, "| %d | %s | %s | %,d | %.4f | %.2f |%n", quality, factory.name(),
                        control, result.bytes / frames.count(), result.quality.ssim(), result.quality.psnr());
            }
        }
    }

    private Result jcodecAsItComes() throws Exception {
        Path output = work.resolve("jcodec-as-it-comes.mp4");
        long[] start = clocks();
        try (BenchmarkFrames.Reader reader = frames.new Reader()) {
            SequenceEncoder encoder = SequenceEncoder.createSequenceEncoder(output.toFile(), 25);
            Picture rgb = Picture.create(frames.width(), frames.height(), ColorSpace.RGB);
            byte[] packed = rgb.getPlaneData(0);
            for (int i = 0; i < frames.count(); i++) {
                byte[] source = reader.read(i);
                for (int j = 0; j < packed.length; j++) {
                    packed[j] = (byte) ((source[j] & 0xff) - 128);     // JCodec stores samples minus 128
                }
                encoder.encodeNativeFrame(rgb);
            }
            encoder.finish();
        }
        return finished("JCodec 0.2.5 as it comes (SequenceEncoder), 1 thread", output, start);
    }

    /** Our encoder on {@code segments} threads: the frames cut into that many segments, encoded at once, joined. */
    private Result ours(String name, EncoderFactory factory, EncoderSettings settings, int segments)
            throws Exception {
        Path output = work.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".mp4");
        long[] start = clocks();
        if (segments == 1) {
            encodeRange(factory, settings, 0, frames.count(), output);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(segments);
            try {
                List<Future<Path>> parts = new ArrayList<>();
                int per = (frames.count() + segments - 1) / segments;
                for (int s = 0; s < segments; s++) {
                    int first = s * per;
                    int end = Math.min(frames.count(), first + per);
                    Path part = work.resolve(output.getFileName() + ".segment-" + s + ".mp4");
                    parts.add(pool.submit(() -> encodeRange(factory, settings, first, end, part)));
                }
                List<Path> files = new ArrayList<>();
                for (Future<Path> part : parts) {
                    files.add(part.get());
                }
                new SegmentJoiner(log).join(files, output);
            } finally {
                pool.shutdown();
            }
        }
        return finished(name, output, start);
    }

    private Path encodeRange(EncoderFactory factory, EncoderSettings settings, int first, int end, Path output)
            throws Exception {
        try (BenchmarkFrames.Reader reader = frames.new Reader();
                VideoEncoder encoder = factory.open(settings, output)) {
            for (int i = first; i < end; i++) {
                encoder.encode(VideoFrame.ofByteRgb(i - first, frames.width(), frames.height(), reader.read(i)));
            }
            encoder.finish();
        }
        return output;
    }

    private List<String> rawInput() {
        return List.of("-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", frames.width() + "x" + frames.height(),
                "-framerate", "25", "-i", frames.raw().toString());
    }

    private Result ffmpeg(String name, List<String> input, List<String> options) throws Exception {
        Path output = work.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".mp4");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-benchmark", "-y"));
        command.addAll(input);
        command.addAll(options);
        command.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + said);
        }
        Matcher bench = FFMPEG_BENCH.matcher(said);
        if (!bench.find()) {
            throw new IOException("No -benchmark line from ffmpeg: " + said);
        }
        double cpu = Double.parseDouble(bench.group(1)) + Double.parseDouble(bench.group(2));
        double wall = Double.parseDouble(bench.group(3));
        return new Result(name + " — `" + String.join(" ", command.subList(0, command.size() - 1)).replace(
                frames.raw().getParent() + File.separator, "") + "`", wall, cpu, Files.size(output),
                PictureQuality.measure(output, frames, frames.count()), frames.count());
    }

    /** Wall time, and the CPU time of this process and of the children it has waited for (an ffmpeg it ran). */
    private long[] clocks() throws IOException {
        return new long[] {System.nanoTime(), os.getProcessCpuTime() + childrenCpuNanos()};
    }

    /** cutime + cstime from /proc/self/stat (Linux), in clock ticks of 10 ms; 0 elsewhere. */
    private static long childrenCpuNanos() throws IOException {
        Path stat = Path.of("/proc/self/stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
    }

    private Result finished(String name, Path output, long[] start) throws Exception {
        double wall = (System.nanoTime() - start[0]) / 1e9;
        double cpu = (os.getProcessCpuTime() + childrenCpuNanos() - start[1]) / 1e9;
        return new Result(name, wall, cpu, Files.size(output), PictureQuality.measure(output, frames, frames.count()),
                frames.count());
    }

    private static void report(Result result) {
        System.out.println(result.row());
    }

    private record Result(String name, double wallSeconds, double cpuSeconds, long bytes, PictureQuality quality,
            int frames) {
        static final String HEADER = "| run | wall s | ms/frame (wall) | frames/s | CPU s | CPU ms/frame | bytes/frame"
                + " | SSIM | PSNR dB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

        String row() {
            return String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.1f | %.1f | %.0f | %,d | %.4f | %.2f |", name,
                    wallSeconds, wallSeconds * 1000 / frames, frames / wallSeconds, cpuSeconds,
                    cpuSeconds * 1000 / frames, bytes / frames, quality.ssim(), quality.psnr());
        }
    }
}
