package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.Record4;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ProgressReporter;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;

/**
 * Verifies a library's frame files against its index: every frame's file must exist with the size and SHA-256 the
 * index recorded, and every file under {@code frames/} must belong to a frame. Reports what is missing, corrupt,
 * unreadable and unindexed; changes nothing.
 *
 * <p>Built for big libraries: the index is read a page at a time in id order (short read transactions, so sync may
 * write meanwhile), files are streamed through the digest (never held in memory), and hashing runs on as many
 * threads as there are cores, with a bounded queue in front of them. Unindexed files are found by walking the
 * folders and looking each folder's names up in the index's unique path index. It is one action,
 * {@value #ACTION}, with progress in frames and a heartbeat; a stop signal ends it between files.
 */
public final class LibraryCheck {
    public static final String ACTION = "studio:library:check";
    /** Problems listed per kind; more are counted, not listed. */
    public static final int LISTED_PER_KIND = 10_000;
    private static final int PAGE = 512;
    private static final int LOOKUP_BATCH = 500;
    private static final int BUFFER = 1 << 16;

    private final Library library;
    private final int threads;

    private LibraryCheck(Library library, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a check needs at least one thread, was " + threads);
        }
        this.library = library;
        this.threads = threads;
    }

    /** A check hashing on one thread per core. */
    public static LibraryCheck of(Library library) {
        return new LibraryCheck(library, Runtime.getRuntime().availableProcessors());
    }

    public LibraryCheck withThreads(int count) {
        return new LibraryCheck(library, count);
    }

    /**
     * Runs the check.
     *
     * @throws StoppedException when {@code stop} is signalled (the check is simply not finished)
     */
    public CheckReport run(StopSignal stop) {
        try (Action action = library.log().start(ACTION, "folder", library.folder().toString(), "threads", threads)) {
            try {
                Findings findings = new Findings();
                long total = library.read(sql -> (long) sql.fetchCount(FRAME));
                ProgressReporter progress = action.progress(total, "frames");
                action.heartbeat(Duration.ofSeconds(5));
                verifyIndexedFiles(findings, progress, stop);
                findUnindexedFiles(findings, stop);
                CheckReport report = findings.report();
                action.addSuccessFields("frames", report.frames(), "bytes", report.bytes(), "files", report.filesSeen(),
                        "missing", report.count(CheckProblem.Kind.MISSING),
                        "corrupt", report.count(CheckProblem.Kind.CORRUPT),
                        "unreadable", report.count(CheckProblem.Kind.UNREADABLE),
                        "unindexed", report.count(CheckProblem.Kind.UNINDEXED));
                return report;
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    /** A frame as the check needs it. */
    private record Indexed(long id, String path, long size, String sha256) {}

    private void verifyIndexedFiles(Findings findings, ProgressReporter progress, StopSignal stop) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "library-check-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Enough queued work to keep every thread busy, little enough to keep memory flat.
        Semaphore queued = new Semaphore(threads * 4);
        try {
            long after = 0;
            for (List<Indexed> page = page(after); !page.isEmpty(); page = page(after)) {
                for (Indexed frame : page) {
                    stop.throwIfStopped();
                    queued.acquireUninterruptibly();
                    pool.execute(library.log().wrap(() -> {
                        try {
                            verify(frame, findings);
                        } finally {
                            progress.advance(1);
                            queued.release();
                        }
                    }));
                }
                after = page.get(page.size() - 1).id();
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                stop.throwIfStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Indexed> page(long afterId) {
        return library.read(sql -> sql.select(FRAME.ID, FRAME.PATH, FRAME.SIZE, FRAME.SHA256).from(FRAME)
                .where(FRAME.ID.gt(JooqFrames.key(afterId))).orderBy(FRAME.ID).limit(PAGE)
                .fetch(LibraryCheck::indexed));
    }

    private static Indexed indexed(Record4<Integer, String, Long, String> row) {
        return new Indexed(row.value1(), row.value2(), row.value3(), row.value4());
    }

    private void verify(Indexed frame, Findings findings) {
        findings.frames.incrementAndGet();
        Path file;
        try {
            file = library.files().resolve(frame.path());
        } catch (IllegalArgumentException e) {
            findings.add(new CheckProblem(CheckProblem.Kind.UNREADABLE, frame.path(), Optional.of(frame.id()),
                    e.getMessage()));
            return;
        }
        try {
            long size = Files.size(file);
            if (size != frame.size()) {
                findings.add(new CheckProblem(CheckProblem.Kind.CORRUPT, frame.path(), Optional.of(frame.id()),
                        "size " + size + " bytes, the index says " + frame.size()));
                return;
            }
            String sha256 = sha256(file, findings);
            if (!sha256.equals(frame.sha256())) {
                findings.add(new CheckProblem(CheckProblem.Kind.CORRUPT, frame.path(), Optional.of(frame.id()),
                        "SHA-256 " + sha256 + ", the index says " + frame.sha256()));
            }
        } catch (NoSuchFileException e) {
            findings.add(new CheckProblem(CheckProblem.Kind.MISSING, frame.path(), Optional.of(frame.id()),
                    "no such file"));
        } catch (IOException e) {
            findings.add(new CheckProblem(CheckProblem.Kind.UNREADABLE, frame.path(), Optional.of(frame.id()),
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static String sha256(Path file, Findings findings) throws IOException {
        MessageDigest digest = FrameFiles.sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                findings.bytes.addAndGet(n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private void findUnindexedFiles(Findings findings, StopSignal stop) {
        Path root = library.folder().resolve(FrameFiles.FRAMES_FOLDER);
        if (!Files.isDirectory(root)) {
            return;
        }
        Deque<List<Path>> folders = new ArrayDeque<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    stop.throwIfStopped();
                    folders.push(new ArrayList<>());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!file.getFileName().toString().startsWith(FrameFiles.TEMPORARY_PREFIX)) {
                        folders.peek().add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    findings.add(new CheckProblem(CheckProblem.Kind.UNREADABLE, library.files().relativize(file),
                            Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    List<Path> files = folders.pop();
                    findings.filesSeen.addAndGet(files.size());
                    for (int from = 0; from < files.size(); from += LOOKUP_BATCH) {
                        reportUnindexed(files.subList(from, Math.min(files.size(), from + LOOKUP_BATCH)), findings);
                    }
                    if (e != null) {
                        visitFileFailed(dir, e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.add(new CheckProblem(CheckProblem.Kind.UNREADABLE, FrameFiles.FRAMES_FOLDER, Optional.empty(),
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void reportUnindexed(List<Path> files, Findings findings) {
        List<String> paths = files.stream().map(library.files()::relativize).toList();
        Set<String> indexed = new HashSet<>(library.read(sql -> sql.select(FRAME.PATH).from(FRAME)
                .where(FRAME.PATH.in(paths)).fetch(FRAME.PATH)));
        for (String path : paths) {
            if (!indexed.contains(path)) {
                findings.add(new CheckProblem(CheckProblem.Kind.UNINDEXED, path, Optional.empty(),
                        "no frame in the index points to it"));
            }
        }
    }

    /** What the threads found so far. */
    private static final class Findings {
        private final AtomicLong frames = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong filesSeen = new AtomicLong();
        private final Map<CheckProblem.Kind, Long> counts = new EnumMap<>(CheckProblem.Kind.class);
        private final List<CheckProblem> listed = new ArrayList<>();

        synchronized void add(CheckProblem problem) {
            long count = counts.merge(problem.kind(), 1L, Long::sum);
            if (count <= LISTED_PER_KIND) {
                listed.add(problem);
            }
        }

        synchronized CheckReport report() {
            List<CheckProblem> sorted = new ArrayList<>(listed);
            sorted.sort(Comparator.comparing(CheckProblem::kind).thenComparing(CheckProblem::path));
            return new CheckReport(frames.get(), bytes.get(), filesSeen.get(), counts, sorted);
        }
    }
}
