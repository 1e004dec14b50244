package studio.timelapse.bench.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.ingest.IngestJob;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.protocol.FrameId;

/**
 * The ingest job end to end (issue #5 §7: at least 30 frames/s for 12-megapixel frames on this 2-core machine): a
 * library on disk holding {@code frames} synced 4056×3040 frames (the synthetic camera's, 8 different pictures
 * repeated), ingested by the real {@link IngestJob} through a job runner — reading each file, the analysis on
 * {@code threads} threads, the results, thumbnails and checkpoint committed per chunk — as {@code timelapse ingest}
 * does. Prints frames per second, the process's CPU time and its use of the cores (CPU time over wall time ×
 * threads), for each of {@code rounds} runs on a fresh copy of the frames' rows.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar studio.timelapse.bench.ingest.IngestJobRate [frames] [threads]
 * [rounds]}
 */
public final class IngestJobRate {
    private IngestJobRate() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        TwelveMegapixelFrames pictures = new TwelveMegapixelFrames();
        pictures.frames = 8;
        pictures.render();
        Path work = Files.createTempDirectory("ingest-job-bench");
        try {
            for (int round = 1; round <= rounds; round++) {
                run(work.resolve("library-" + round), pictures, frames, threads, round);
            }
        } finally {
            pictures.delete();
            delete(work);
        }
    }

    private static void run(Path folder, TwelveMegapixelFrames pictures, int frames, int threads, int round)
            throws Exception {
        try (ActionLog log = ActionLog.builder("bench").build();
                Library library = Library.open(folder, log, Clock.systemUTC())) {
            String camera = "bench-camera";
            Cameras.of(library).add(camera, "Bench camera", "127.0.0.1", 8443);
            FrameFiles files = library.files();
            Frames rows = Frames.of(library);
            Instant start = Instant.parse("2026-06-21T04:00:00Z");
            List<NewCameraFrame> batch = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                Path picture = pictures.file(i);
                byte[] bytes = Files.readAllBytes(picture);
                Instant at = start.plusSeconds(10L * i);
                String path = files.pathFor("Bench camera", at, 0, "f" + i + ".jpg");
                FrameFiles.Written written = files.writeAtomically(path, bytes);
                batch.add(new NewCameraFrame(new FrameId("bench", i + 1), at, 0, written.sha256(), written.size(),
                        0, 0, path));
            }
            rows.storeSynced(camera, batch, new FrameId("bench", frames));
            try (JobRunner runner = JobRunner.builder(library.database(), log).queue(IngestJob.QUEUE, 1)
                    .pollInterval(Duration.ofMillis(20))
                    .register(new IngestJob(library, new FrameAnalyzer(), threads)).build()) {
                runner.start();
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                Job job = runner.submit(new IngestJob(library, new FrameAnalyzer(), threads),
                        IngestJob.everythingIn(library), SubmitOptions.defaults());
                Job finished = runner.awaitFinished(job.id(), Duration.ofHours(1));
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = (processCpuNanos() - cpuBefore) / 1e9;
                if (finished.state() != JobState.SUCCEEDED || finished.progressDone().orElse(0L) != frames) {
                    throw new IllegalStateException("the ingest did not analyse every frame: " + finished);
                }
                System.out.printf(Locale.ROOT, "round %d: %d frames, %d threads, %.2f s = %.1f frames/s; CPU %.2f s"
                        + " (%.1f ms a frame), cores used %.2f of %d%n", round, frames, threads, seconds,
                        frames / seconds, cpu, 1000 * cpu / frames, cpu / seconds, threads);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
