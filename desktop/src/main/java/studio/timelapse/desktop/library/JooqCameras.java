package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.CAMERA;
import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_COUNT;
import static studio.timelapse.desktop.library.schema.Tables.FRAME_HOUR_COUNT;
import static studio.timelapse.desktop.library.schema.Tables.SEQUENCE;
import static studio.timelapse.desktop.library.schema.Tables.SYNC_CURSOR;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import studio.timelapse.desktop.library.schema.tables.records.CameraRecord;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

final class JooqCameras implements Cameras {
    private final Library library;

    JooqCameras(Library library) {
        this.library = library;
    }

    @Override
    public Camera add(String id, String name, String host, int port) {
        requireText(id, "id");
        requireText(name, "name");
        requireText(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is 1–65535, was " + port);
        }
        return library.write(sql -> {
            long now = library.clock().millis();
            int updated = sql.update(CAMERA).set(CAMERA.NAME, name).set(CAMERA.HOST, host).set(CAMERA.PORT, port)
                    .where(CAMERA.ID.eq(id)).execute();
            if (updated == 0) {
                sql.insertInto(CAMERA).set(CAMERA.ID, id).set(CAMERA.NAME, name).set(CAMERA.HOST, host)
                        .set(CAMERA.PORT, port).set(CAMERA.ADDED_AT, now).execute();
            }
            ensureStream(sql, id, name, now);
            return read(sql, id).orElseThrow();
        });
    }

    /** The camera's stream, named after the camera (its id added when another sequence has that name). */
    private static void ensureStream(DSLContext sql, String cameraId, String cameraName, long now) {
        boolean exists = sql.fetchExists(SEQUENCE, SEQUENCE.CAMERA_ID.eq(cameraId)
                .and(SEQUENCE.KIND.eq(SequenceKind.CAMERA.name())));
        if (exists) {
            return;
        }
        String name = sql.fetchExists(SEQUENCE, SEQUENCE.NAME.eq(cameraName))
                ? cameraName + " (" + cameraId + ")" : cameraName;
        sql.insertInto(SEQUENCE).set(SEQUENCE.NAME, name).set(SEQUENCE.KIND, SequenceKind.CAMERA.name())
                .set(SEQUENCE.CAMERA_ID, cameraId).set(SEQUENCE.CREATED_AT, now).execute();
    }

    @Override
    public Optional<Camera> find(String id) {
        return library.read(sql -> read(sql, id));
    }

    @Override
    public List<Camera> all() {
        return library.read(sql -> sql.selectFrom(CAMERA).orderBy(CAMERA.NAME, CAMERA.ID).fetch(JooqCameras::camera));
    }

    @Override
    public Camera markPaired(String id, String certificateFingerprint, String studioId, Instant at) {
        requireText(certificateFingerprint, "certificateFingerprint");
        requireText(studioId, "studioId");
        return change(id, sql -> sql.update(CAMERA).set(CAMERA.CERTIFICATE_FINGERPRINT, certificateFingerprint)
                .set(CAMERA.STUDIO_ID, studioId).set(CAMERA.PAIRED_AT, at.toEpochMilli()).where(CAMERA.ID.eq(id))
                .execute());
    }

    @Override
    public Camera markUnpaired(String id) {
        return change(id, sql -> sql.update(CAMERA).setNull(CAMERA.CERTIFICATE_FINGERPRINT).setNull(CAMERA.STUDIO_ID)
                .setNull(CAMERA.PAIRED_AT).where(CAMERA.ID.eq(id)).execute());
    }

    @Override
    public Camera markSeen(String id, String host, int port, Instant at) {
        requireText(host, "host");
        return change(id, sql -> sql.update(CAMERA).set(CAMERA.HOST, host).set(CAMERA.PORT, port)
                .set(CAMERA.LAST_SEEN_AT, at.toEpochMilli()).where(CAMERA.ID.eq(id)).execute());
    }

    @Override
    public Camera locate(String id, Optional<GeoPosition> location) {
        return change(id, sql -> sql.update(CAMERA)
                .set(CAMERA.LATITUDE, location.map(GeoPosition::latitude).orElse(null))
                .set(CAMERA.LONGITUDE, location.map(GeoPosition::longitude).orElse(null))
                .where(CAMERA.ID.eq(id)).execute());
    }

    @Override
    public boolean remove(String id) {
        return library.write(sql -> {
            if (!sql.fetchExists(CAMERA, CAMERA.ID.eq(id))) {
                return false;
            }
            int frames = sql.fetchCount(FRAME, FRAME.CAMERA_ID.eq(id));
            if (frames > 0) {
                throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "camera.has_frames",
                        "camera " + id + " has " + frames + " frames in the library, which need it",
                        "keep the camera (unpair it to stop syncing)").withDetails(Map.of("camera", id, "frames",
                        frames)));
            }
            sql.deleteFrom(SYNC_CURSOR).where(SYNC_CURSOR.CAMERA_ID.eq(id)).execute();
            sql.deleteFrom(FRAME_COUNT).where(FRAME_COUNT.ORIGIN_SEQUENCE_ID.in(
                    sql.select(SEQUENCE.ID).from(SEQUENCE).where(SEQUENCE.CAMERA_ID.eq(id)))).execute();
            sql.deleteFrom(FRAME_HOUR_COUNT).where(FRAME_HOUR_COUNT.ORIGIN_SEQUENCE_ID.in(
                    sql.select(SEQUENCE.ID).from(SEQUENCE).where(SEQUENCE.CAMERA_ID.eq(id)))).execute();
            sql.deleteFrom(SEQUENCE).where(SEQUENCE.CAMERA_ID.eq(id)).execute();
            sql.deleteFrom(CAMERA).where(CAMERA.ID.eq(id)).execute();
            return true;
        });
    }

    private Camera change(String id, LibraryWork<Integer> update) {
        return library.write(sql -> {
            if (update.run(sql) == 0) {
                throw unknown(id);
            }
            return read(sql, id).orElseThrow();
        });
    }

    static RefusedException unknown(String id) {
        return new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "camera.unknown",
                "the library knows no camera " + id, "add it first (timelapse cameras add)")
                .withDetails(Map.of("camera", String.valueOf(id))));
    }

    private static Optional<Camera> read(DSLContext sql, String id) {
        return sql.selectFrom(CAMERA).where(CAMERA.ID.eq(id)).fetchOptional(JooqCameras::camera);
    }

    static Camera camera(CameraRecord row) {
        Optional<GeoPosition> location = row.getLatitude() == null ? Optional.empty()
                : Optional.of(GeoPosition.of(row.getLatitude(), row.getLongitude()));
        return new Camera(row.getId(), row.getName(), row.getHost(), row.getPort(),
                Optional.ofNullable(row.getCertificateFingerprint()), Optional.ofNullable(row.getStudioId()),
                Instant.ofEpochMilli(row.getAddedAt()), instant(row.getPairedAt()), instant(row.getLastSeenAt()),
                location);
    }

    private static Optional<Instant> instant(Long millis) {
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a camera's " + what + " is needed");
        }
    }
}
