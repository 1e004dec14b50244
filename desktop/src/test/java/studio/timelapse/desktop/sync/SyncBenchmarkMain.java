package studio.timelapse.desktop.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.desktop.cameras.client.FirstContact;
import studio.timelapse.desktop.cameras.client.StudioIdentity;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.protocol.pairing.TokenProof;
import studio.timelapse.shared.protocol.pairing.TokenRequest;
import studio.timelapse.shared.protocol.pairing.TokenResponse;
import studio.timelapse.shared.tls.CertificateFingerprint;
import studio.timelapse.shared.tls.PinnedTrustManager;

/**
 * Sync throughput over loopback against {@code curl} fetching the same files from the same agent, in one run
 * ({@code bench/run-sync.sh}): {@code <work folder> <frame bytes> <frames> <parallel> <rounds>}. Each round syncs every
 * frame into a new library (durably: each file and each chunk synced to disk) and then has curl fetch every frame
 * into files with as many parallel transfers, over one TLS connection per transfer slot as curl keeps them. Prints
 * one line per measurement and a summary.
 */
public final class SyncBenchmarkMain {
    private SyncBenchmarkMain() {}

    /**
     * One timed fetch of every frame.
     *
     * @param cpuSeconds CPU time (user + kernel) over the measurement of this JVM — the studio and the agent, which
     *     serves both contestants — and of child processes (curl)
     * @param steps for sync, where the job's own thread spent the time (from its action log), else empty
     */
    record Measurement(String what, int round, long frames, long bytes, double seconds, double cpuSeconds,
            String steps) {
        double framesPerSecond() {
            return frames / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1_000_000;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-6s round %d: %d frames, %.1f MB in %.2f s = %.1f frames/s, %.1f MB/s;"
                    + " CPU %.2f s (agent + client)%s", what, round, frames, bytes / 1e6, seconds, framesPerSecond(),
                    megabytesPerSecond(), cpuSeconds, steps.isEmpty() ? "" : "; " + steps);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int frameBytes = Integer.parseInt(args[1]);
        int frames = Integer.parseInt(args[2]);
        int parallel = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Path agentHome = args.length > 5 ? Path.of(args[5]) : work.resolve("agent");
        Files.createDirectories(work);
        List<Measurement> results = new ArrayList<>();
        try (LoopbackAgent agent = LoopbackAgent.start(agentHome)) {
            List<FrameInfo> taken = new SeededAgent().seed(agent, frames, frameBytes);
            long bytes = taken.stream().mapToLong(FrameInfo::size).sum();
            System.out.printf(Locale.ROOT, "agent on port %d with %d frames of %d bytes%n", agent.address().port(),
                    frames, frameBytes);
            for (int round = 1; round <= rounds; round++) {
                Path library = work.resolve("library-" + round);
                SyncSettings settings = SyncSettings.defaults().withReserve(0).withParallelDownloads(parallel,
                        Math.max(parallel * 32, 128));
                try (SyncingStudio studio = new SyncingStudio(library, settings)) {
                    String camera = studio.pair(agent.address(), agent.openPairingWindow());
                    CpuClock cpu = CpuClock.start();
                    ThreadCpu byThread = new ThreadCpu(SyncBenchmarkMain::threadKind);
                    long started = System.nanoTime();
                    Job job = studio.syncAndWait(camera, Duration.ofMinutes(30));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    double cpuSeconds = cpu.seconds();
                    String threadCpu = byThread.describe();
                    if (job.state() != JobState.SUCCEEDED) {
                        throw new IllegalStateException("the sync did not succeed: " + job);
                    }
                    Measurement sync = new Measurement("sync", round, frames, bytes, seconds, cpuSeconds,
                            ActionTimes.of(studio.recent.snapshot()).describe(seconds, "studio:sync:store_chunk",
                                    "studio:sync:acknowledge") + "; " + threadCpu);
                    results.add(sync);
                    System.out.println(sync);
                }
                Measurement curl = curl(agent, curlToken(agent, work), taken, work.resolve("curl-" + round), parallel, round, bytes);
                results.add(curl);
                System.out.println(curl);
                deleteTree(library);
                deleteTree(work.resolve("curl-" + round));
            }
        }
        summarize(results, frameBytes);
    }

    /** An access token for curl, as a studio of its own: paired, then a token for the pairing's challenge. */
    private static String curlToken(LoopbackAgent agent, Path work) throws Exception {
        try (ActionLog log = ActionLog.builder("bench").build()) {
            StudioIdentity identity = StudioIdentity.loadOrCreate(work.resolve("curl-studio"), log);
            PairingResponse paired = FirstContact.at(agent.address(), log).pair(agent.openPairingWindow(), "curl",
                    identity);
            CertificateFingerprint fingerprint = CertificateFingerprint.parse(paired.certificateFingerprint());
            String proof = identity.sign(new TokenProof(fingerprint.colonHex(), paired.studioId(), paired.challenge()));
            HttpClient http = HttpClient.newBuilder().sslContext(PinnedTrustManager.pinnedTo(fingerprint).sslContext())
                    .build();
            ObjectMapper json = new ObjectMapper();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + agent.address().port() + "/api/v1/token")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            new TokenRequest(paired.studioId(), paired.challenge(), proof)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token for curl: " + answer.statusCode() + " " + answer.body());
            }
            return json.readValue(answer.body(), TokenResponse.class).accessToken();
        }
    }

    private static Measurement curl(LoopbackAgent agent, String token, List<FrameInfo> frames, Path into,
            int parallel, int round, long bytes) throws Exception {
        Files.createDirectories(into);
        StringBuilder config = new StringBuilder();
        for (FrameInfo frame : frames) {
            config.append("url = \"https://127.0.0.1:").append(agent.address().port()).append("/api/v1/frames/")
                    .append(frame.id()).append("\"\n");
            config.append("output = \"").append(into.resolve(frame.id() + ".jpg")).append("\"\n");
        }
        Path configFile = into.resolve("curl.config");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        List<String> command = List.of("curl", "--silent", "--show-error", "--fail", "--insecure",
                "--header", "Authorization: Bearer " + token, "--parallel", "--parallel-max", Integer.toString(parallel),
                "--config", configFile.toString());
        CpuClock cpu = CpuClock.start();
        ThreadCpu byThread = new ThreadCpu(SyncBenchmarkMain::threadKind);
        long started = System.nanoTime();
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = curl.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = cpu.seconds();
        String threadCpu = byThread.describe() + " (curl's own time is in the JIT+GC+VM rest)";
        if (exit != 0) {
            throw new IllegalStateException("curl failed (" + exit + "): " + output);
        }
        long fetched;
        try (var files = Files.list(into)) {
            fetched = files.filter(path -> path.toString().endsWith(".jpg")).count();
        }
        if (fetched != frames.size()) {
            throw new IllegalStateException("curl fetched " + fetched + " of " + frames.size() + " frames");
        }
        return new Measurement("curl", round, frames.size(), bytes, seconds, cpuSeconds, threadCpu);
    }

    private static void summarize(List<Measurement> results, int frameBytes) {
        double sync = best(results, "sync");
        double curl = best(results, "curl");
        System.out.printf(Locale.ROOT, "SUMMARY frame_bytes=%d best sync %.1f frames/s (%.1f MB/s), best curl %.1f "
                + "frames/s (%.1f MB/s): sync at %.0f%% of curl%n", frameBytes, sync, sync * frameBytes / 1e6, curl,
                curl * frameBytes / 1e6, 100 * sync / curl);
    }

    /** Which part of the benchmark a thread belongs to, by its name. */
    static String threadKind(String name) {
        if (name.startsWith("JettyServerThreadPool") || name.startsWith("camera") || name.startsWith("agent")) {
            return "agent";
        }
        if (name.startsWith("HttpClient")) {
            return "studio-http";
        }
        if (name.startsWith("sync-download")) {
            return "studio-download";
        }
        if (name.startsWith("job-")) {
            return "studio-job";
        }
        return "other:" + name.replaceAll("[0-9]+", "N");
    }

    private static double best(List<Measurement> results, String what) {
        return results.stream().filter(m -> m.what().equals(what)).mapToDouble(Measurement::framesPerSecond).max()
                .orElse(0);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
