package studio.timelapse.bench.render;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.capture.synthetic.SyntheticCamera;
import studio.timelapse.desktop.render.look.DeflickerPlan;
import studio.timelapse.desktop.render.look.DeflickerSettings;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.desktop.render.pipeline.DecoderChoice;
import studio.timelapse.desktop.render.pipeline.FramePipeline;
import studio.timelapse.desktop.render.pipeline.FrameStream;
import studio.timelapse.desktop.render.pipeline.PipelineSettings;
import studio.timelapse.desktop.render.pipeline.SizePreset;
import studio.timelapse.desktop.render.pipeline.SourceFrame;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * The frame pipeline's speed without an encoder, and the frames the render benchmark uses (bench/run-render.sh;
 * docs/benchmarks.md, "Render"). Not JMH: one operation is
 * a whole multi-threaded run over hundreds of 12 MP files, measured in wall time (frames per second) and in the
 * process's CPU time per frame, which the machine's other load disturbs far less.
 *
 * <pre>
 * RenderPipelineBench generate DIR COUNT        12 MP synthetic frames of a flickering dawn (once; reused)
 * RenderPipelineBench throughput DIR            → 1080p: each decoder, 1 and 2 threads, with and without deflicker
 * </pre>
 */
public final class RenderPipelineBench {
    /** Dawn in the synthetic camera's simple day (sunrise at 06:00 UTC): 300 frames every 30 s end at 07:45. */
    private static final Instant SCENE_START = Instant.parse("2026-06-21T05:15:00Z");

    private RenderPipelineBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: generate DIR COUNT | throughput DIR");
        }
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir, Integer.parseInt(args[2]));
            case "throughput" -> throughput(dir);
            default -> throw new IllegalArgumentException("no mode " + args[0]);
        }
    }

    /**
     * Frames as the Raspberry Pi HQ camera makes them (4056x3040, JPEG quality 90, about 3.5 MB with the noise of a
     * real sensor), of a dawn seen at one frame every 30 s with auto exposure and its flicker; files already there
     * are kept.
     */
    private static void generate(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        try (ActionLog log = ActionLog.builder("bench").build();
                SyntheticCamera camera = SyntheticCamera.builder(log).noise(3).autoExposureFlicker(0.15)
                        .sceneClock(SceneClock.realTime()).build()) {
            for (int i = 0; i < count; i++) {
                Path file = dir.resolve(String.format("frame-%05d.jpg", i));
                if (Files.exists(file)) {
                    continue;
                }
                Path part = dir.resolve(file.getFileName() + ".part");
                Instant slot = SCENE_START.plusSeconds(30L * i);
                camera.capture(new CaptureRequest(FrameSettings.automatic().withSize(4056, 3040), slot,
                        Instant.now().plusSeconds(600)), part);
                Files.move(part, file);
                if (i % 25 == 0) {
                    System.out.printf("generated %d of %d%n", i + 1, count);
                }
            }
        }
    }

    private static List<SourceFrame> frames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            OffsetDateTime start = SCENE_START.atOffset(ZoneOffset.ofHours(2));
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
            List<SourceFrame> frames = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                frames.add(SourceFrame.of(sorted.get(i)).capturedAt(start.plusSeconds(30L * i)));
            }
            return frames;
        }
    }

    private static void throughput(Path dir) throws Exception {
        List<SourceFrame> frames = frames(dir);
        System.out.printf("%d frames of %s (%.1f MB on average)%n", frames.size(), dir, averageMegabytes(frames));
        try (ActionLog log = ActionLog.builder("bench").build()) {
            // Known lumas, as the library holds them: measured once here, outside the timed runs.
            double[] lumas = FramePipeline.prepare(frames, PipelineSettings.of(SizePreset.P1080).withThreads(2),
                    RenderLook.plain().withDeflicker(DeflickerSettings.defaults()), log, new StopSignal())
                    .deflicker().orElseThrow().before();
            List<SourceFrame> withLumas = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                withLumas.add(frames.get(i).withMeanLuma(lumas[i]));
            }
            RenderLook deflicker = RenderLook.plain().withDeflicker(DeflickerSettings.defaults());
            for (DecoderChoice decoder : new DecoderChoice[] {DecoderChoice.FFMPEG, DecoderChoice.IMAGEIO}) {
                for (int threads : new int[] {1, 2}) {
                    PipelineSettings settings = PipelineSettings.of(SizePreset.P1080).withDecoder(decoder)
                            .withThreads(threads);
                    run("warm-up", frames.subList(0, Math.min(40, frames.size())), settings, RenderLook.plain(), log);
                    run("plain", frames, settings, RenderLook.plain(), log);
                    run("deflicker (library lumas)", withLumas, settings, deflicker, log);
                    run("deflicker (measured first)", frames, settings, deflicker, log);
                }
            }
            DeflickerPlan plan = DeflickerPlan.of(lumas, DeflickerSettings.defaults());
            System.out.printf(Locale.ROOT, "flicker (mean |Δ luma| frame to frame): before %.2f, after %.2f%n",
                    DeflickerPlan.meanAbsoluteStep(plan.before()), DeflickerPlan.meanAbsoluteStep(plan.after()));
            psnr(frames.subList(0, Math.min(20, frames.size())), log);
        }
    }

    private static void run(String what, List<SourceFrame> frames, PipelineSettings settings, RenderLook look,
            ActionLog log) throws Exception {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        FramePipeline pipeline = FramePipeline.prepare(frames, settings, look, log, new StopSignal());
        long prepared = System.nanoTime();
        int delivered;
        int peak;
        try (FrameStream stream = pipeline.open()) {
            delivered = stream.forEach(frame -> { });
            peak = stream.peakLiveBuffers();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6 / delivered;
        if (!what.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "%-13s threads %d  %-27s %4d frames  %6.2f frames/s  %6.1f ms CPU/frame"
                    + "  (prepare %.1f s)  peak buffers %d%n", pipeline.decoderName(), settings.threads(), what,
                    delivered, delivered / seconds, cpuMs, (prepared - t0) / 1e9, peak);
        }
    }

    /** How far the FFmpeg path's frames (reduced decode) are from ImageIO's (full decode), as PSNR over RGB. */
    private static void psnr(List<SourceFrame> frames, ActionLog log) throws Exception {
        List<int[]> ffmpeg = collect(frames, DecoderChoice.FFMPEG, log);
        List<int[]> imageIo = collect(frames, DecoderChoice.IMAGEIO, log);
        double squares = 0;
        long samples = 0;
        for (int f = 0; f < ffmpeg.size(); f++) {
            int[] a = ffmpeg.get(f);
            int[] b = imageIo.get(f);
            for (int i = 0; i < a.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff);
                    squares += d * d;
                    samples++;
                }
            }
        }
        double mse = squares / samples;
        System.out.printf(Locale.ROOT, "PSNR of FFmpeg-path frames against ImageIO-path frames (1080p, %d frames): "
                + "%.1f dB%n", ffmpeg.size(), 10 * Math.log10(255.0 * 255 / mse));
    }

    private static List<int[]> collect(List<SourceFrame> frames, DecoderChoice decoder, ActionLog log)
            throws Exception {
        List<int[]> out = new ArrayList<>();
        FramePipeline pipeline = FramePipeline.prepare(frames, PipelineSettings.of(SizePreset.P1080)
                .withDecoder(decoder), RenderLook.plain(), log, new StopSignal());
        try (FrameStream stream = pipeline.open()) {
            stream.forEach(frame -> out.add(frame.pixels().clone()));
        }
        return out;
    }

    private static double averageMegabytes(List<SourceFrame> frames) throws IOException {
        long bytes = 0;
        for (SourceFrame frame : frames) {
            bytes += Files.size(frame.file());
        }
        return bytes / 1e6 / Math.max(1, frames.size());
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
