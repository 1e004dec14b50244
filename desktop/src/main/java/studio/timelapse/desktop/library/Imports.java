package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.db.SqlWork;

/**
 * The runs of imports: which job brings files from which folder into which import sequence, and the files it left
 * out with the reason. The frames themselves go in through {@link Frames#insertImportedFrame}.
 */
public interface Imports {

    static Imports of(Library library) {
        return new JooqImports(library);
    }

    /** One import run: job {@code jobId} imports {@code source} into {@code sequence}, once it has one. */
    record Run(long jobId, Optional<Sequence> sequence, String source, Instant startedAt) {
        public Run {
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /**
     * A file an import left out.
     *
     * @param file relative to the run's source folder, '/' separated
     * @param kind what sort of problem (the ingest failure kinds: UNREADABLE, NOT_JPEG, TRUNCATED, …)
     */
    record Skipped(String file, String kind, String reason) {
        public Skipped {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The run of job {@code jobId}: the first call makes it, every later call (a resumed job) finds it. */
    Run startRun(long jobId, String source);

    /**
     * The import sequence of run {@code jobId}. The first call makes it, named {@code name} (or {@code name (2)},
     * … when taken), and records it with the run in one transaction; every later call finds the same sequence.
     *
     * @throws IllegalStateException when the run was never started
     */
    Sequence sequenceOf(long jobId, String name);

    Optional<Run> run(long jobId);

    /** Work that records skipped files, for the job's checkpoint transaction; a file recorded before is replaced. */
    SqlWork<Void> recordingSkipped(long jobId, List<Skipped> files);

    /** The files run {@code jobId} left out, by file name. */
    List<Skipped> skipped(long jobId);
}
