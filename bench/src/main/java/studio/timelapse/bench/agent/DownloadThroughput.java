package studio.timelapse.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;

/**
 * Download throughput of a running camera agent over loopback, measured with two clients of the same server in one
 * run: the JDK's {@code HttpClient} (as the studio downloads) and {@code curl}. Pairs with the agent, has it capture
 * frames of each size asked for with the synthetic camera, checks every frame once (status, size, SHA-256), then
 * downloads the whole set round after round, alternating the two clients, and prints MB/s, frames/s and the agent's
 * CPU time per round, and at the end the agent's resident memory once it has been idle again for a while. Run by {@code bench/agent-download.sh}, which starts the agent and opens the pairing window.
 *
 * <pre>
 * DownloadThroughput --port P --code C --certificate AGENT_CERT.pem --agent-pid PID --out DIR
 *     [--rounds 5] [--clock-ticks 100] [--sizes 1920x1080:40,560x315:120] [--idle-after 30]
 * </pre>
 */
public final class DownloadThroughput {
    private static final double MB = 1_000_000.0;

    private final BenchStudio studio;
    private final CurlFetch curl;
    private final long agentPid;
    private final int clockTicks;
    private final List<String> lines = new ArrayList<>();

    private DownloadThroughput(BenchStudio studio, CurlFetch curl, long agentPid, int clockTicks) {
        this.studio = studio;
        this.curl = curl;
        this.agentPid = agentPid;
        this.clockTicks = clockTicks;
    }

    /** A size of frame to measure, and how many frames of it make one round. */
    record FrameSize(int width, int height, int frames) {
        static FrameSize parse(String text) {
            String[] parts = text.split("[x:]");
            return new FrameSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        String label() {
            return width + "x" + height;
        }
    }

    /** One client's pass over a set of frames. */
    record Round(String client, long bytes, int frames, double seconds, double agentCpuSeconds) {
        double megabytesPerSecond() {
            return bytes / MB / seconds;
        }

        double framesPerSecond() {
            return frames / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        BenchStudio studio = BenchStudio.pair(Integer.parseInt(options.get("port")), options.get("code"));
        DownloadThroughput bench = new DownloadThroughput(studio,
                new CurlFetch(Path.of(options.get("certificate")), out), Long.parseLong(options.get("agent-pid")),
                Integer.parseInt(options.getOrDefault("clock-ticks", "100")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        List<FrameSize> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", "1920x1080:40,560x315:120").split(",")) {
            sizes.add(FrameSize.parse(size));
        }
        List<String> summary = new ArrayList<>();
        summary.add("| frames | mean size | client | MB/s (median of " + rounds + ") | frames/s | range MB/s "
                + "| agent CPU per MB |");
        summary.add("|---|---:|---|---:|---:|---|---:|");
        for (FrameSize size : sizes) {
            List<FrameInfo> frames = bench.capture(size);
            summary.addAll(bench.measure(size, frames, rounds));
        }
        int idle = Integer.parseInt(options.getOrDefault("idle-after", "30"));
        Thread.sleep(idle * 1000L);
        bench.say(String.format(Locale.ROOT, "agent idle %d s after the downloads: %s", idle, bench.agentMemory()));
        bench.say("");
        summary.forEach(bench::say);
        Files.write(out.resolve("download.txt"), bench.lines);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value pairs, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String needed : List.of("port", "code", "certificate", "agent-pid", "out")) {
            if (!options.containsKey(needed)) {
                throw new IllegalArgumentException("missing --" + needed);
            }
        }
        return options;
    }

    /** Has the agent take {@code size.frames()} frames of that size, and returns them as it lists them. */
    private List<FrameInfo> capture(FrameSize size) throws IOException, InterruptedException {
        studio.refreshToken();
        FrameSettings frame = FrameSettings.automatic().withSize(size.width(), size.height());
        Optional<Long> shortest = studio.refusedInterval(new CaptureConfig("synthetic", frame, ScheduleConfig.every(0.5),
                Optional.empty()));
        if (shortest.isPresent()) {
            // The agent says how fast it can render this size on this machine: capture at that pace.
            double seconds = Math.ceil(shortest.get() / 100.0) / 10;
            say(String.format(Locale.ROOT, "%s: the agent keeps up with one frame every %.1f s at this size",
                    size.label(), seconds));
            studio.put("/api/v1/config", new CaptureConfig("synthetic", frame, ScheduleConfig.every(seconds),
                    Optional.empty()), CaptureConfig.class);
        }
        studio.post("/api/v1/capture/start", Map.of(), AgentStatus.class);
        List<FrameInfo> frames;
        long started = System.nanoTime();
        do {
            Thread.sleep(1000);
            frames = framesOf(size);
            if (System.nanoTime() - started > 30 * 60 * 1_000_000_000L) {
                throw new IOException("the agent took only " + frames.size() + " frames of " + size.label()
                        + " in 30 minutes");
            }
        } while (frames.size() < size.frames());
        studio.post("/api/v1/capture/stop", Map.of(), AgentStatus.class);
        return framesOf(size).subList(0, size.frames());
    }

    private List<FrameInfo> framesOf(FrameSize size) throws IOException, InterruptedException {
        List<FrameInfo> frames = new ArrayList<>();
        String after = "";
        while (true) {
            FramePage page = studio.get("/api/v1/frames?limit=1000" + after, FramePage.class);
            page.frames().stream().filter(f -> f.width() == size.width() && f.height() == size.height())
                    .forEach(frames::add);
            if (page.next().isEmpty()) {
                return frames;
            }
            after = "&after=" + page.next().get().epoch() + "-" + page.next().get().sequence();
        }
    }

    private List<String> measure(FrameSize size, List<FrameInfo> frames, int rounds) throws Exception {
        studio.refreshToken();
        List<URI> urls = frames.stream().map(f -> studio.uri("/api/v1/frames/" + f.id().epoch() + "-"
                + f.id().sequence())).toList();
        long total = frames.stream().mapToLong(FrameInfo::size).sum();
        say(String.format(Locale.ROOT, "%s: %d frames, %.1f MB, mean %.0f kB; load %s", size.label(), frames.size(),
                total / MB, total / 1000.0 / frames.size(), loadAverage()));
        verify(frames);
        List<Round> java = new ArrayList<>();
        List<Round> curled = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            java.add(report(size, round, timed("java", frames.size(), () -> javaPass(urls))));
            curled.add(report(size, round, timed("curl", frames.size(), () -> curlPass(urls, total))));
        }
        say(size.label() + ": load after " + loadAverage());
        return List.of(row(size, total / frames.size(), java), row(size, total / frames.size(), curled));
    }

    private Round report(FrameSize size, int number, Round round) {
        say(String.format(Locale.ROOT, "%s %s round %d: %.1f MB in %.3f s = %.1f MB/s, %.1f frames/s; agent CPU %.2f s",
                size.label(), round.client(), number, round.bytes() / MB, round.seconds(), round.megabytesPerSecond(),
                round.framesPerSecond(), round.agentCpuSeconds()));
        return round;
    }

    private static String row(FrameSize size, long meanBytes, List<Round> rounds) {
        List<Round> sorted = rounds.stream().sorted((a, b) -> Double.compare(a.megabytesPerSecond(),
                b.megabytesPerSecond())).toList();
        Round median = sorted.get(sorted.size() / 2);
        double cpuPerMb = rounds.stream().mapToDouble(Round::agentCpuSeconds).sum()
                / (rounds.stream().mapToLong(Round::bytes).sum() / MB);
        return String.format(Locale.ROOT, "| %s × %d | %.0f kB | %s | %.1f | %.1f | %.1f–%.1f | %.1f ms |",
                size.label(), size.frames(), meanBytes / 1000.0, median.client(), median.megabytesPerSecond(),
                median.framesPerSecond(), sorted.get(0).megabytesPerSecond(),
                sorted.get(sorted.size() - 1).megabytesPerSecond(), cpuPerMb * 1000);
    }

    /** Once, not timed: every frame downloads whole, with the SHA-256 the listing gives. */
    private void verify(List<FrameInfo> frames) throws IOException, InterruptedException {
        for (FrameInfo frame : frames) {
            HttpResponse<byte[]> answer = studio.client().send(studio.request("/api/v1/frames/" + frame.id().epoch()
                    + "-" + frame.id().sequence()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200 || answer.body().length != frame.size()
                    || !sha256(answer.body()).equals(frame.sha256())) {
                throw new IOException("frame " + frame.id() + " did not download whole: " + answer.statusCode());
            }
        }
    }

    /** Each frame in turn over one kept-alive connection, read through a 64 KiB buffer and dropped (as curl's). */
    private long javaPass(List<URI> urls) throws IOException, InterruptedException {
        byte[] buffer = new byte[1 << 16];
        long bytes = 0;
        for (URI url : urls) {
            HttpResponse<InputStream> answer = studio.client().send(studio.request(url.getRawPath()).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    throw new IOException(url + ": " + answer.statusCode());
                }
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    bytes += n;
                }
            }
        }
        return bytes;
    }

    private long curlPass(List<URI> urls, long expectedBytes) throws IOException, InterruptedException {
        CurlFetch.Outcome outcome = curl.fetch(urls, studio.accessToken());
        if (outcome.bytes() != expectedBytes || outcome.statuses().stream().anyMatch(s -> s != 200)) {
            throw new IOException("curl got " + outcome.bytes() + " bytes instead of " + expectedBytes
                    + ", statuses " + outcome.statuses());
        }
        return outcome.bytes();
    }

    @FunctionalInterface
    private interface Pass {
        long run() throws IOException, InterruptedException;
    }

    private Round timed(String client, int frames, Pass pass) throws IOException, InterruptedException {
        long cpuBefore = agentCpuTicks();
        long started = System.nanoTime();
        long bytes = pass.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (agentCpuTicks() - cpuBefore) / (double) clockTicks;
        return new Round(client, bytes, frames, seconds, cpu);
    }

    /** The agent's user + system CPU time so far, in clock ticks ({@code /proc/<pid>/stat} fields 14 and 15). */
    private long agentCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(agentPid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The agent's resident memory now, from {@code /proc/<pid>/status}. */
    private String agentMemory() throws IOException {
        Map<String, Long> kib = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(agentPid), "status"))) {
            String[] parts = line.split("\\s+");
            if (List.of("VmRSS:", "RssAnon:", "RssFile:", "Threads:").contains(parts[0])) {
                kib.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return String.format(Locale.ROOT, "RSS %d MiB (anon %d, file %d), %d threads", kib.get("VmRSS:") / 1024,
                kib.get("RssAnon:") / 1024, kib.get("RssFile:") / 1024, kib.get("Threads:"));
    }

    private static String loadAverage() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return load[0] + " " + load[1] + " " + load[2];
    }

    private void say(String line) {
        System.out.println(line);
        lines.add(line);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
