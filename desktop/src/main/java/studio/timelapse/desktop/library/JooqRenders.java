package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.RENDER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import studio.timelapse.desktop.library.schema.tables.records.RenderRecord;

final class JooqRenders implements Renders {
    private final Library library;

    JooqRenders(Library library) {
        this.library = library;
    }

    @Override
    public FinishedRender record(Optional<Long> sequenceId, String jobId, String settings, String outputPath,
            String encoder, long frames, Duration duration, Instant createdAt, Instant finishedAt) {
        return library.write(sql -> {
            Optional<RenderRecord> earlier = sql.selectFrom(RENDER).where(RENDER.JOB_ID.eq(jobId)).fetchOptional();
            if (earlier.isPresent()) {
                return render(earlier.get());
            }
            RenderRecord row = sql.newRecord(RENDER);
            row.setSequenceId(sequenceId.map(Math::toIntExact).orElse(null));
            row.setJobId(jobId);
            row.setSettings(settings);
            row.setOutputPath(outputPath);
            row.setEncoder(encoder);
            row.setFrames(Math.toIntExact(frames));
            row.setDurationMs(duration.toMillis());
            row.setCreatedAt(createdAt.toEpochMilli());
            row.setFinishedAt(finishedAt.toEpochMilli());
            row.store();
            return render(row);
        });
    }

    @Override
    public List<FinishedRender> newest(int limit) {
        return library.read(sql -> sql.selectFrom(RENDER).orderBy(RENDER.CREATED_AT.desc(), RENDER.ID.desc())
                .limit(limit).fetch(JooqRenders::render));
    }

    @Override
    public List<FinishedRender> ofSequence(long sequenceId) {
        return library.read(sql -> sql.selectFrom(RENDER).where(RENDER.SEQUENCE_ID.eq(Math.toIntExact(sequenceId)))
                .orderBy(RENDER.CREATED_AT.desc(), RENDER.ID.desc()).fetch(JooqRenders::render));
    }

    private static FinishedRender render(RenderRecord row) {
        return new FinishedRender(row.getId(), Optional.ofNullable(row.getSequenceId()).map(Integer::longValue),
                Optional.ofNullable(row.getJobId()), row.getSettings(), row.getOutputPath(),
                Optional.ofNullable(row.getEncoder()).orElse(""),
                Optional.ofNullable(row.getFrames()).orElse(0),
                Duration.ofMillis(Optional.ofNullable(row.getDurationMs()).orElse(0L)),
                Instant.ofEpochMilli(row.getCreatedAt()),
                Instant.ofEpochMilli(Optional.ofNullable(row.getFinishedAt()).orElse(row.getCreatedAt())));
    }
}
