package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.IMPORT_RUN;
import static studio.timelapse.desktop.library.schema.Tables.IMPORT_SKIPPED;
import static studio.timelapse.desktop.library.schema.Tables.SEQUENCE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import studio.timelapse.desktop.library.schema.tables.records.ImportRunRecord;
import studio.timelapse.desktop.library.schema.tables.records.SequenceRecord;
import studio.timelapse.shared.db.SqlWork;

final class JooqImports implements Imports {
    private final Library library;

    JooqImports(Library library) {
        this.library = library;
    }

    @Override
    public Run startRun(long jobId, String source) {
        return library.write(sql -> {
            Optional<Run> existing = run(sql, jobId);
            if (existing.isPresent()) {
                return existing.get();
            }
            long now = library.clock().millis();
            sql.insertInto(IMPORT_RUN).set(IMPORT_RUN.JOB_ID, key(jobId)).set(IMPORT_RUN.SOURCE, source)
                    .set(IMPORT_RUN.STARTED_AT, now).execute();
            return new Run(jobId, Optional.empty(), source, Instant.ofEpochMilli(now));
        });
    }

    @Override
    public Sequence sequenceOf(long jobId, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an import needs a name");
        }
        return library.write(sql -> {
            Run run = run(sql, jobId).orElseThrow(() -> new IllegalStateException("import run " + jobId
                    + " was never started"));
            if (run.sequence().isPresent()) {
                return run.sequence().get();
            }
            // As Sequences.createImport, but in this transaction: the sequence and its run agree whatever happens.
            String free = name;
            for (int n = 2; sql.fetchExists(SEQUENCE, SEQUENCE.NAME.eq(free)); n++) {
                free = name + " (" + n + ")";
            }
            SequenceRecord sequence = sql.insertInto(SEQUENCE).set(SEQUENCE.NAME, free)
                    .set(SEQUENCE.KIND, SequenceKind.IMPORT.name()).set(SEQUENCE.CREATED_AT, library.clock().millis())
                    .returning().fetchOne();
            sql.update(IMPORT_RUN).set(IMPORT_RUN.SEQUENCE_ID, sequence.getId())
                    .where(IMPORT_RUN.JOB_ID.eq(key(jobId))).execute();
            return JooqSequences.sequence(sequence);
        });
    }

    @Override
    public Optional<Run> run(long jobId) {
        return library.read(sql -> run(sql, jobId));
    }

    private static Optional<Run> run(DSLContext sql, long jobId) {
        ImportRunRecord run = sql.selectFrom(IMPORT_RUN).where(IMPORT_RUN.JOB_ID.eq(key(jobId))).fetchOne();
        if (run == null) {
            return Optional.empty();
        }
        Optional<Sequence> sequence = run.getSequenceId() == null ? Optional.empty()
                : Optional.of(JooqSequences.find(sql, run.getSequenceId()).orElseThrow(() -> new IllegalStateException(
                        "import run " + jobId + " names sequence " + run.getSequenceId() + ", which is gone")));
        return Optional.of(new Run(jobId, sequence, run.getSource(), Instant.ofEpochMilli(run.getStartedAt())));
    }

    @Override
    public SqlWork<Void> recordingSkipped(long jobId, List<Skipped> files) {
        List<Skipped> copy = List.copyOf(files);
        return library.jooq(sql -> {
            for (Skipped file : copy) {
                sql.insertInto(IMPORT_SKIPPED).set(IMPORT_SKIPPED.JOB_ID, key(jobId))
                        .set(IMPORT_SKIPPED.FILE, file.file()).set(IMPORT_SKIPPED.KIND, file.kind())
                        .set(IMPORT_SKIPPED.REASON, file.reason())
                        .onConflict(IMPORT_SKIPPED.JOB_ID, IMPORT_SKIPPED.FILE).doUpdate()
                        .set(IMPORT_SKIPPED.KIND, file.kind()).set(IMPORT_SKIPPED.REASON, file.reason()).execute();
            }
            return null;
        });
    }

    @Override
    public List<Skipped> skipped(long jobId) {
        return library.read(sql -> sql.selectFrom(IMPORT_SKIPPED).where(IMPORT_SKIPPED.JOB_ID.eq(key(jobId)))
                .orderBy(IMPORT_SKIPPED.FILE)
                .fetch(row -> new Skipped(row.getFile(), row.getKind(), row.getReason())));
    }

    private static int key(long id) {
        return Math.toIntExact(id);
    }
}
