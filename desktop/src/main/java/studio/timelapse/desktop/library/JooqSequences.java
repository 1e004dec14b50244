package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.RENDER;
import static studio.timelapse.desktop.library.schema.Tables.SEQUENCE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import studio.timelapse.desktop.library.schema.tables.records.SequenceRecord;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

final class JooqSequences implements Sequences {
    private final Library library;

    JooqSequences(Library library) {
        this.library = library;
    }

    @Override
    public Optional<Sequence> find(long id) {
        return library.read(sql -> find(sql, id));
    }

    static Optional<Sequence> find(DSLContext sql, long id) {
        return sql.selectFrom(SEQUENCE).where(SEQUENCE.ID.eq(Math.toIntExact(id))).fetchOptional(JooqSequences::sequence);
    }

    @Override
    public Optional<Sequence> findByName(String name) {
        return library.read(sql -> sql.selectFrom(SEQUENCE).where(SEQUENCE.NAME.eq(name))
                .fetchOptional(JooqSequences::sequence));
    }

    @Override
    public Optional<Sequence> streamOf(String cameraId) {
        return library.read(sql -> streamOf(sql, cameraId));
    }

    static Optional<Sequence> streamOf(DSLContext sql, String cameraId) {
        return sql.selectFrom(SEQUENCE).where(SEQUENCE.CAMERA_ID.eq(cameraId))
                .and(SEQUENCE.KIND.eq(SequenceKind.CAMERA.name())).fetchOptional(JooqSequences::sequence);
    }

    @Override
    public List<Sequence> all() {
        return library.read(sql -> sql.selectFrom(SEQUENCE).orderBy(SEQUENCE.ID).fetch(JooqSequences::sequence));
    }

    @Override
    public Sequence createImport(String name) {
        requireName(name);
        return library.write(sql -> {
            String free = name;
            for (int n = 2; sql.fetchExists(SEQUENCE, SEQUENCE.NAME.eq(free)); n++) {
                free = name + " (" + n + ")";
            }
            return insert(sql, free, SequenceKind.IMPORT, null);
        });
    }

    @Override
    public Sequence define(String name, SequenceDefinition definition) {
        List<Refusal> mistakes = new ArrayList<>(definition.validate());
        if (name == null || name.isBlank()) {
            mistakes.add(0, Refusal.of(Refusal.Kind.INVALID, "sequence.name_blank", "a sequence needs a name",
                    "give it a name").withDetails(Map.of("field", "name")));
        }
        if (!mistakes.isEmpty()) {
            throw new RefusedException(mistakes);
        }
        return library.write(sql -> {
            List<Refusal> sources = new ArrayList<>();
            for (long source : definition.sources()) {
                Optional<Sequence> found = find(sql, source);
                if (found.isEmpty() || found.get().kind() == SequenceKind.DEFINED) {
                    sources.add(Refusal.of(Refusal.Kind.INVALID, "sequence.bad_source",
                            found.isEmpty() ? "there is no sequence " + source
                                    : "sequence " + source + " is itself defined by rules; only camera streams and"
                                            + " imports can be sources",
                            "name cameras or imports").withDetails(Map.of("field", "sources", "source", source)));
                }
            }
            if (!sources.isEmpty()) {
                throw new RefusedException(sources);
            }
            if (sql.fetchExists(SEQUENCE, SEQUENCE.NAME.eq(name))) {
                throw new RefusedException(Refusal.of(Refusal.Kind.CONFLICT, "sequence.name_taken",
                        "a sequence named '" + name + "' exists", "choose another name")
                        .withDetails(Map.of("field", "name")));
            }
            return insert(sql, name, SequenceKind.DEFINED, SequenceDefinitionJson.write(definition));
        });
    }

    @Override
    public SqlWork<Boolean> removing(long id) {
        return library.jooq(sql -> {
            Optional<Sequence> sequence = find(sql, id);
            if (sequence.isEmpty()) {
                return false;
            }
            if (sequence.get().kind() != SequenceKind.DEFINED) {
                throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "sequence.holds_frames",
                        "'" + sequence.get().name() + "' is " + (sequence.get().kind() == SequenceKind.CAMERA
                                ? "a camera's stream" : "an import") + ": its frames belong to it",
                        "define a sequence over it instead, or leave it"));
            }
            int key = Math.toIntExact(id);
            sql.update(RENDER).setNull(RENDER.SEQUENCE_ID).where(RENDER.SEQUENCE_ID.eq(key)).execute();
            return sql.deleteFrom(SEQUENCE).where(SEQUENCE.ID.eq(key)).execute() > 0;
        });
    }

    private Sequence insert(DSLContext sql, String name, SequenceKind kind, String definition) {
        SequenceRecord row = sql.insertInto(SEQUENCE).set(SEQUENCE.NAME, name).set(SEQUENCE.KIND, kind.name())
                .set(SEQUENCE.DEFINITION, definition).set(SEQUENCE.CREATED_AT, library.clock().millis())
                .returning().fetchOne();
        return sequence(row);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sequence needs a name");
        }
    }

    static Sequence sequence(SequenceRecord row) {
        return new Sequence(row.getId(), row.getName(), SequenceKind.valueOf(row.getKind()),
                Optional.ofNullable(row.getCameraId()),
                Optional.ofNullable(row.getDefinition()).map(SequenceDefinitionJson::read),
                Instant.ofEpochMilli(row.getCreatedAt()));
    }
}
