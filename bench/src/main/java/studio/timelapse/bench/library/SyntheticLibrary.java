package studio.timelapse.bench.library;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Exposure;
import studio.timelapse.desktop.library.FrameAnalysis;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.library.Sequences;
import studio.timelapse.desktop.library.Thumbnail;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.protocol.FrameId;

/**
 * A library as a busy studio has it after a month: {@value #CAMERAS} cameras capturing every {@value #INTERVAL_S} s,
 * each frame synced (in batches with the sync cursor, as sync stores them) and ingested (luminance, histogram,
 * exposure and a real 320x180 JPEG thumbnail), built through the library's public API only. The frame files
 * themselves are not written: the queries measured never read them.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar studio.timelapse.bench.library.SyntheticLibrary DIR FRAMES} builds
 * one and prints how fast it went.
 */
public final class SyntheticLibrary {
    static final int CAMERAS = 4;
    static final int INTERVAL_S = 10;
    static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    /** Camera 0 (located): daytime by the Sun, every 10th frame. */
    static final String BY_THE_SUN = "Camera 0 by day, every 10th";
    /** Camera 1 (no location): daytime judged from each frame's exposure and brightness, every 10th frame. */
    static final String BY_EXPOSURE = "Camera 1 by day, every 10th";
    /** Cameras 0 and 1 merged, every 10th frame. */
    static final String TWO_CAMERAS = "Cameras 0 and 1, every 10th";
    private static final int BATCH = 1000;
    static final GeoPosition GENEVA = GeoPosition.of(46.2, 6.15);

    private SyntheticLibrary() {}

    static String cameraId(int camera) {
        return "cam-" + camera;
    }

    static Instant capturedAt(int camera, long seq) {
        return START.plusSeconds((seq - 1) * INTERVAL_S + camera);
    }

    /** Frames per camera for a library of {@code frames} frames. */
    static long perCamera(long frames) {
        return frames / CAMERAS;
    }

    /** Opens the library in {@code folder}, building it first unless it holds {@code frames} frames already. */
    static Library ensure(Path folder, long frames, ActionLog log, PrintSink out) throws IOException {
        if (Files.exists(folder.resolve(Library.DATABASE_FILE))) {
            Library existing = Library.open(folder, log, Clock.systemUTC());
            if (Frames.of(existing).count() == perCamera(frames) * CAMERAS) {
                return existing;
            }
            existing.close();
            throw new IllegalStateException(folder + " holds another library; remove it or choose another folder");
        }
        build(folder, frames, log, out);
        return Library.open(folder, log, Clock.systemUTC());
    }

    /** Where output goes while building (stdout for the main, JMH's output for the benchmark). */
    interface PrintSink {
        void println(String line);
    }

    static void build(Path folder, long frames, ActionLog log, PrintSink out) throws IOException {
        try (Library library = Library.open(folder, log, Clock.systemUTC())) {
            Cameras cameras = Cameras.of(library);
            Frames store = Frames.of(library);
            List<Long> streams = new ArrayList<>();
            for (int camera = 0; camera < CAMERAS; camera++) {
                cameras.add(cameraId(camera), "Camera " + camera, "127.0.0.1", 8443 + camera);
                if (camera % 2 == 0) {
                    cameras.locate(cameraId(camera), Optional.of(GENEVA));
                }
                streams.add(Sequences.of(library).streamOf(cameraId(camera)).map(Sequence::id).orElseThrow());
            }
            List<byte[]> thumbnails = thumbnails(16);
            long perCamera = perCamera(frames);
            long started = System.nanoTime();
            long stored = 0;
            for (long first = 1; first <= perCamera; first += BATCH) {
                long last = Math.min(perCamera, first + BATCH - 1);
                for (int camera = 0; camera < CAMERAS; camera++) {
                    List<NewCameraFrame> batch = new ArrayList<>(BATCH);
                    for (long seq = first; seq <= last; seq++) {
                        batch.add(frame(camera, seq));
                    }
                    stored += store.storeSynced(cameraId(camera), batch, batch.get(batch.size() - 1).id()).size();
                }
                if (stored % 100_000 < BATCH * CAMERAS) {
                    out.println(String.format(Locale.ROOT, "stored %,d frames, %,.0f frames/s", stored,
                            stored / seconds(started)));
                }
            }
            double storeSeconds = seconds(started);
            out.println(String.format(Locale.ROOT, "stored %,d frames in %.1f s: %,.0f frames/s", stored, storeSeconds,
                    stored / storeSeconds));

            long ingestStarted = System.nanoTime();
            long ingested = 0;
            Random random = new Random(7);
            for (List<studio.timelapse.desktop.library.Frame> todo = store.notIngested(BATCH); !todo.isEmpty();
                    todo = store.notIngested(BATCH)) {
                Map<Long, FrameAnalysis> results = new HashMap<>();
                for (studio.timelapse.desktop.library.Frame frame : todo) {
                    byte[] jpeg = thumbnails.get(random.nextInt(thumbnails.size()));
                    results.put(frame.id(), analysis(frame.capturedAt(), jpeg));
                }
                store.recordIngest(results);
                ingested += results.size();
                if (ingested % 100_000 < BATCH) {
                    out.println(String.format(Locale.ROOT, "ingested %,d frames, %,.0f frames/s", ingested,
                            ingested / seconds(ingestStarted)));
                }
            }
            out.println(String.format(Locale.ROOT, "recorded ingest of %,d frames in %.1f s: %,.0f frames/s", ingested,
                    seconds(ingestStarted), ingested / seconds(ingestStarted)));

            defineSequences(library);
        }
    }

    /** The defined sequences the benchmarks page through (defined if missing: they are rules, not data). */
    static void defineSequences(Library library) {
        Sequences sequences = Sequences.of(library);
        long located = sequences.streamOf(cameraId(0)).map(Sequence::id).orElseThrow();
        long unlocated = sequences.streamOf(cameraId(1)).map(Sequence::id).orElseThrow();
        Map<String, SequenceDefinition> definitions = Map.of(
                BY_THE_SUN, SequenceDefinition.of(List.of(located)).everyNth(10).daytime(true),
                BY_EXPOSURE, SequenceDefinition.of(List.of(unlocated)).everyNth(10).daytime(true),
                TWO_CAMERAS, SequenceDefinition.of(List.of(located, unlocated)).everyNth(10));
        definitions.forEach((name, definition) -> {
            if (sequences.findByName(name).isEmpty()) {
                sequences.define(name, definition);
            }
        });
    }

    private static NewCameraFrame frame(int camera, long seq) {
        FrameId id = new FrameId("e" + camera, seq);
        Instant at = capturedAt(camera, seq);
        String day = at.toString().substring(0, 10);
        return new NewCameraFrame(id, at, 7200, sha256(cameraId(camera) + "/" + id), 2_400_000 + seq % 100_000, 4056,
                3040, "frames/Camera " + camera + "/" + day + "/" + id + ".jpg");
    }

    /** Brightness following the time of day, exposure as an auto-exposing camera would choose. */
    private static FrameAnalysis analysis(Instant at, byte[] jpeg) {
        double hour = (at.getEpochSecond() % 86_400) / 3600.0;
        double daylight = Math.max(0, Math.sin((hour - 4) / 16 * Math.PI));
        int[] histogram = new int[FrameAnalysis.BINS];
        histogram[(int) (daylight * 50) + 5] = 4056 * 3040;
        Exposure exposure = Exposure.of(daylight > 0.1 ? 1 / 500.0 : 8, 2.0, daylight > 0.1 ? 100 : 800);
        return new FrameAnalysis(40 + daylight * 80, histogram, exposure, 4056, 3040,
                Optional.of(new Thumbnail(320, 180, jpeg)));
    }

    /** Real JPEGs of the size a thumbnail has (a sky gradient over some texture), a few kilobytes each. */
    private static List<byte[]> thumbnails(int count) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        Random random = new Random(1);
        for (int n = 0; n < count; n++) {
            BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(60, 110, 200), 0, 100, new Color(200, 220, 255)));
            g.fillRect(0, 0, 320, 100);
            for (int y = 100; y < 180; y++) {
                for (int x = 0; x < 320; x++) {
                    int green = 80 + random.nextInt(60);
                    image.setRGB(x, y, new Color(30 + random.nextInt(30), green, 20).getRGB());
                }
            }
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            jpegs.add(out.toByteArray());
        }
        return jpegs;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startedNanos) {
        return Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        long frames = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        try (ActionLog log = ActionLog.builder("bench").build()) {
            long started = System.nanoTime();
            build(folder, frames, log, System.out::println);
            System.out.printf(Locale.ROOT, "built %s in %.0f s (%,d MiB)%n", folder, seconds(started),
                    Files.size(folder.resolve(Library.DATABASE_FILE)) >> 20);
        }
    }
}
