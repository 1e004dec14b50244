package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.FRAME;
import static studio.timelapse.desktop.library.schema.Tables.SYNC_ACKNOWLEDGED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;

/** {@link SyncLedger} on the library's database. */
final class SyncLedgerJooq implements SyncLedger {
    private final Library library;

    SyncLedgerJooq(Library library) {
        this.library = library;
    }

    @Override
    public Optional<FrameId> acknowledgedThrough(String cameraId) {
        return library.read(sql -> sql.select(SYNC_ACKNOWLEDGED.EPOCH, SYNC_ACKNOWLEDGED.SEQ).from(SYNC_ACKNOWLEDGED)
                .where(SYNC_ACKNOWLEDGED.CAMERA_ID.eq(cameraId))
                .fetchOptional(row -> new FrameId(row.value1(), row.value2())));
    }

    @Override
    public void acknowledged(String cameraId, FrameId through) {
        long now = library.clock().millis();
        library.write(sql -> sql.insertInto(SYNC_ACKNOWLEDGED)
                .set(SYNC_ACKNOWLEDGED.CAMERA_ID, cameraId).set(SYNC_ACKNOWLEDGED.EPOCH, through.epoch())
                .set(SYNC_ACKNOWLEDGED.SEQ, through.sequence()).set(SYNC_ACKNOWLEDGED.UPDATED_AT, now)
                .onConflict(SYNC_ACKNOWLEDGED.CAMERA_ID).doUpdate()
                .set(SYNC_ACKNOWLEDGED.EPOCH, through.epoch()).set(SYNC_ACKNOWLEDGED.SEQ, through.sequence())
                .set(SYNC_ACKNOWLEDGED.UPDATED_AT, now)
                .execute());
    }

    @Override
    public List<Acknowledgement> unacknowledged(String cameraId, FrameId storedThrough) {
        long after = acknowledgedThrough(cameraId).filter(acked -> acked.epoch().equals(storedThrough.epoch()))
                .map(FrameId::sequence).orElse(0L);
        if (after >= storedThrough.sequence()) {
            return List.of();
        }
        // One range scan of frame_camera_epoch_seq; a gap (a frame the camera could not give) splits the runs.
        List<Long> sequences = library.read(sql -> sql.select(FRAME.SEQ).from(FRAME)
                .where(FRAME.CAMERA_ID.eq(cameraId)).and(FRAME.EPOCH.eq(storedThrough.epoch()))
                .and(FRAME.SEQ.gt(after)).and(FRAME.SEQ.le(storedThrough.sequence()))
                .orderBy(FRAME.SEQ).fetch(FRAME.SEQ));
        List<Acknowledgement> runs = new ArrayList<>();
        long from = -1;
        long previous = -1;
        for (long sequence : sequences) {
            if (from < 0) {
                from = sequence;
            } else if (sequence != previous + 1) {
                runs.add(new Acknowledgement(storedThrough.epoch(), from, previous));
                from = sequence;
            }
            previous = sequence;
        }
        if (from >= 0) {
            runs.add(new Acknowledgement(storedThrough.epoch(), from, previous));
        }
        return runs;
    }
}
