package studio.timelapse.desktop.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.desktop.ingest.AnalysisThreads;
import studio.timelapse.desktop.ingest.CaptureTime;
import studio.timelapse.desktop.ingest.FrameAnalysis;
import studio.timelapse.desktop.ingest.FrameAnalyzer;
import studio.timelapse.desktop.ingest.IngestFailure;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Imports;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewImportedFrame;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.JobType;

/**
 * Imports a folder or a card — a DSLR's or GoPro's DCIM, a phone dump, an old timelapse folder — into one import
 * sequence of the library, recursively, as a resumable job.
 *
 * <p>Every file is sniffed: JPEGs by their content, whatever their name. Each JPEG is read once: hashed (SHA-256,
 * which dedupes it against everything imported before, so a card imported twice adds nothing the second time),
 * analysed (its capture time from EXIF, else the file's modification time, logged; and everything ingest records,
 * so imported frames need no separate ingest), and, if new, written atomically to
 * {@code frames/<import name>/<date>/<name>-<sha8>.jpg}. Then, in order, it goes into the database. A file that
 * cannot be read, or a JPEG that is truncated or corrupt, is skipped and listed with the reason
 * ({@link Imports#skipped}); it never stops the import.
 *
 * <p>Chunks of {@value #CHUNK} files in the sorted order of their paths; the checkpoint is the last file done. A
 * chunk repeated after a crash finds its frames already stored under the same path and counts them as imported
 * again, exactly once, never as duplicates. The run's sequence is made with the run (see {@link Imports#startRun}).
 */
public final class ImportJob implements JobType<ImportJob.Params, ImportJob.Checkpoint> {
    public static final String NAME = "studio:import";
    public static final String QUEUE = "import";
    /** About a second of work for 12-megapixel frames on two cores. */
    static final int CHUNK = 16;

    /**
     * @param source the folder, absolute
     * @param name the import sequence's name (made unique with " (2)", …)
     * @param zone the zone of the cameras' clocks, for EXIF times without an offset and file times
     */
    public record Params(String source, String name, String zone) {
        public static Params of(Path source, Optional<String> name, ZoneId zone) {
            Path absolute = source.toAbsolutePath().normalize();
            String defaultName = absolute.getFileName() == null ? "import" : absolute.getFileName().toString();
            return new Params(absolute.toString(), name.filter(n -> !n.isBlank()).orElse(defaultName), zone.getId());
        }
    }

    /**
     * Where a run stands: every file up to {@code lastFile} (in path order) is done.
     *
     * @param imported frames this import brought in
     * @param duplicates JPEGs whose content the library already held
     * @param skipped files left out for a reason (listed by {@link Imports#skipped})
     * @param otherFiles files that are not frames (videos, RAW, sidecars)
     * @param countedUpTo the highest frame id counted in {@code imported}: a frame of this run above it was stored
     *        by a chunk that a crash cut short, and is counted when that chunk runs again
     */
    public record Checkpoint(String lastFile, long imported, long duplicates, long skipped, long otherFiles,
            long countedUpTo) {
        static final Checkpoint START = new Checkpoint("", 0, 0, 0, 0, 0);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Library library;
    private final FrameAnalyzer analyzer;
    private final int threads;

    public ImportJob(Library library, FrameAnalyzer analyzer, int threads) {
        this.library = library;
        this.analyzer = analyzer;
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public Class<Params> parametersType() {
        return Params.class;
    }

    @Override
    public Class<Checkpoint> checkpointType() {
        return Checkpoint.class;
    }

    /** An import of {@code source} that has not finished (queued, running or interrupted), to resume it. */
    public static Optional<Job> unfinished(JobRunner runner, Path source) {
        String wanted = source.toAbsolutePath().normalize().toString();
        return runner.jobs(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED).stream()
                .filter(job -> job.type().equals(NAME))
                .filter(job -> parameters(job).map(p -> p.source().equals(wanted)).orElse(false))
                .findFirst();
    }

    /** The parameters of a job of this type. */
    public static Optional<Params> parameters(Job job) {
        return read(job.parametersJson(), Params.class);
    }

    /** Where a job of this type stands (its final counts once it has finished). */
    public static Optional<Checkpoint> checkpoint(Job job) {
        return job.checkpointJson().flatMap(json -> read(json, Checkpoint.class));
    }

    private static <T> Optional<T> read(String json, Class<T> type) {
        try {
            return Optional.of(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void run(JobContext<Params, Checkpoint> job) throws Exception {
        Params params = job.parameters();
        Path source = Path.of(params.source());
        ZoneId zone = ZoneId.of(params.zone());
        requireSource(source);
        Imports imports = Imports.of(library);
        ImportSequence run = new ImportSequence(imports, imports.startRun(job.jobId(), source.toString()),
                params.name());
        List<String> files = SourceFiles.list(source, library.folder());
        Checkpoint at = job.checkpoint().orElse(Checkpoint.START);
        String after = at.lastFile();
        List<String> todo = files.stream().filter(file -> file.compareTo(after) > 0).toList();
        job.total(files.size(), "files");
        job.action().log("studio:import:files", "source", source.toString(), "files", files.size(), "to_do",
                todo.size());
        try (AnalysisThreads pool = new AnalysisThreads(threads, library.log())) {
            for (int from = 0; from < todo.size(); from += CHUNK) {
                List<String> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                requireSource(source);
                List<AnalysisThreads.Outcome<String, PreparedFile>> prepared;
                try {
                    prepared = pool.map(chunk, file -> prepare(source, file, run, zone));
                } catch (UncheckedIOException e) { // writing to the library failed: the job's problem, not the file's
                    throw e.getCause();
                }
                at = store(prepared, run, at, job);
            }
        }
        Optional<Sequence> sequence = run.ifMade();
        job.action().addSuccessFields("sequence_id", sequence.map(Sequence::id).orElse(null), "sequence",
                sequence.map(Sequence::name).orElse(null), "imported", at.imported(), "duplicates", at.duplicates(), "skipped", at.skipped(),
                "other_files", at.otherFiles());
    }

    /** A card pulled out mid-import must not turn every remaining file into a "skipped" one: the job waits instead. */
    private static void requireSource(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException("the folder " + source + " is not there (was the card removed?)");
        }
    }

    /** Runs on the analysis threads: everything about one file but its database row. */
    private PreparedFile prepare(Path source, String file, ImportSequence run, ZoneId zone) throws IngestFailure {
        Path path = source.resolve(file);
        if (SourceFiles.videoThumbnail(file)) {
            return new PreparedFile.NotAFrame(file);
        }
        if (!startsLikeJpeg(path)) {
            if (SourceFiles.namedLikeJpeg(file)) {
                throw new IngestFailure(Kind.NOT_JPEG, "named like a JPEG, but its content is not one");
            }
            return new PreparedFile.NotAFrame(file);
        }
        byte[] bytes = read(path);
        String sha256 = sha256(bytes);
        Optional<Frame> existing = Frames.of(library).findImported(sha256);
        if (existing.isPresent()) {
            return new PreparedFile.Known(file, existing.get());
        }
        FrameAnalysis analysis = analyzer.analyze(bytes);
        Optional<CaptureTime> exifTime = analysis.captureTime();
        Instant capturedAt = exifTime.isPresent() ? exifTime.get().instant(zone) : modified(path);
        int offset = (exifTime.isPresent() ? exifTime.get().offsetOr(zone) : zone.getRules().getOffset(capturedAt))
                .getTotalSeconds();
        FrameFiles files = FrameFiles.of(library);
        String target = files.pathFor(run.get().name(), capturedAt, offset, LibraryFileName.of(file, sha256));
        try {
            files.writeAtomically(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PreparedFile.Written(file, sha256, bytes.length, analysis, capturedAt, offset, exifTime.isEmpty(),
                target);
    }

    /** Runs on the job's thread, in path order: the database rows, the counts, the checkpoint. */
    private Checkpoint store(List<AnalysisThreads.Outcome<String, PreparedFile>> prepared, ImportSequence run,
            Checkpoint at, JobContext<Params, Checkpoint> job) throws IOException {
        long duplicates = 0;
        long other = 0;
        List<Imports.Skipped> skipped = new ArrayList<>();
        Set<Long> counted = new HashSet<>();
        for (AnalysisThreads.Outcome<String, PreparedFile> outcome : prepared) {
            if (!outcome.succeeded()) {
                IngestFailure failure = outcome.failure();
                job.action().log("studio:import:file_skipped", "file", outcome.item(), "kind", failure.kind().name(),
                        "reason", failure.reason());
                skipped.add(new Imports.Skipped(outcome.item(), failure.kind().name(), failure.reason()));
                continue;
            }
            PreparedFile file = outcome.result();
            boolean imported = file instanceof PreparedFile.Known known ? resumed(known, run, at, counted, job)
                    : file instanceof PreparedFile.Written written && inserted(written, run, counted, job);
            if (file instanceof PreparedFile.NotAFrame) {
                other++;
            } else if (!imported) {
                duplicates++;
            }
        }
        long countedUpTo = counted.stream().mapToLong(Long::longValue).max().orElse(0);
        Checkpoint next = new Checkpoint(prepared.get(prepared.size() - 1).item(), at.imported() + counted.size(),
                at.duplicates() + duplicates, at.skipped() + skipped.size(), at.otherFiles() + other,
                Math.max(at.countedUpTo(), countedUpTo));
        job.chunkDone(next, prepared.size(), Imports.of(library).recordingSkipped(job.jobId(), skipped));
        return next;
    }

    /**
     * Whether a frame the library already holds was stored by this run in a chunk cut short by a crash (it is
     * counted now, once); otherwise the file is a duplicate.
     */
    private boolean resumed(PreparedFile.Known known, ImportSequence run, Checkpoint at, Set<Long> counted,
            JobContext<Params, Checkpoint> job) {
        Frame existing = known.existing();
        boolean ours = run.ifMade().map(Sequence::id).orElse(-1L) == existing.originSequenceId();
        if (ours && existing.id() > at.countedUpTo() && counted.add(existing.id())) {
            if (existing.ingested().isEmpty()) {
                ingestAgain(existing, job);
            }
            return true;
        }
        job.action().log("studio:import:duplicate", "file", known.file(), "frame_id", existing.id(), "path",
                existing.path());
        return false;
    }

    /** True when inserted; false when the same content was stored first (earlier in this chunk, or elsewhere). */
    private boolean inserted(PreparedFile.Written written, ImportSequence run, Set<Long> counted,
            JobContext<Params, Checkpoint> job) throws IOException {
        Frames frames = Frames.of(library);
        Frames.Stored stored = frames.insertImportedFrame(new NewImportedFrame(run.get().id(),
                written.capturedAt(), written.utcOffsetSeconds(), written.sha256(), written.size(),
                written.analysis().width(), written.analysis().height(), written.path()));
        if (!stored.inserted()) {
            if (!stored.path().equals(written.path())) {
                Files.deleteIfExists(FrameFiles.of(library).resolve(written.path()));
            }
            job.action().log("studio:import:duplicate", "file", written.file(), "frame_id", stored.frameId(), "path",
                    stored.path());
            return false;
        }
        frames.recordIngest(stored.frameId(), written.analysis().toLibrary());
        counted.add(stored.frameId());
        if (written.timeFromFile()) {
            job.action().log("studio:import:time_from_file", "file", written.file(), "captured_at",
                    written.capturedAt().toString());
        }
        return true;
    }

    /** A frame this run stored but did not ingest before it was killed: rare, so read from the library again. */
    private void ingestAgain(Frame frame, JobContext<Params, Checkpoint> job) {
        try {
            Frames.of(library).recordIngest(frame.id(), analyzer.analyze(FrameFiles.of(library).resolve(frame.path()))
                    .toLibrary());
        } catch (IngestFailure failure) { // it was whole when it was imported; the ingest job will flag it
            job.action().log("studio:import:ingest_failed", "frame_id", frame.id(), "reason", failure.getMessage());
        }
    }

    private static boolean startsLikeJpeg(Path file) throws IngestFailure {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8
                    && (head[2] & 0xFF) == 0xFF;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static byte[] read(Path file) throws IngestFailure {
        try {
            long size = Files.size(file);
            if (size > FrameAnalyzer.MAX_FILE_BYTES) {
                throw new IngestFailure(Kind.UNSUPPORTED, "a file of " + size + " bytes, larger than any camera frame");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static IngestFailure unreadable(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "it was removed during the import"
                : e instanceof AccessDeniedException ? "no permission to read it"
                : "it cannot be read: " + e.getMessage();
        return new IngestFailure(Kind.UNREADABLE, reason, e);
    }

    private static Instant modified(Path file) throws IngestFailure {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The run's import sequence, made when its first new frame needs it (on whichever analysis thread that is). */
    private static final class ImportSequence {
        private final Imports imports;
        private final long jobId;
        private final String name;
        private Sequence sequence;

        ImportSequence(Imports imports, Imports.Run run, String name) {
            this.imports = imports;
            this.jobId = run.jobId();
            this.name = name;
            this.sequence = run.sequence().orElse(null);
        }

        synchronized Sequence get() {
            if (sequence == null) {
                sequence = imports.sequenceOf(jobId, name);
            }
            return sequence;
        }

        synchronized Optional<Sequence> ifMade() {
            return Optional.ofNullable(sequence);
        }
    }
}
