package studio.timelapse.camera.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.refusal.Refusal;

/**
 * Makes room for new frames by deleting the oldest acknowledged ones, and says when capture must pause because
 * nothing it may delete is left. Frames the studio has not acknowledged are never deleted unless the policy says so
 * explicitly. Cheap when there is nothing to do (one free-space reading), so the scheduler runs it before every
 * capture; a pause ends by itself at the first run that finds the space back.
 *
 * <p>Logs {@code camera:store:retention} (an action) when it deletes, and {@code camera:store:capture_paused} /
 * {@code camera:store:capture_resumed} when the verdict changes. One instance per scheduler; not for several threads.
 */
public final class Retention {
    /** Frames deleted per transaction: a batch is a second or so of work even on an SD card. */
    private static final int BATCH = 200;

    private final FrameStore store;
    private final RetentionPolicy policy;
    private boolean paused;

    Retention(FrameStore store, RetentionPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    public RetentionOutcome run() throws IOException {
        Tally tally = new Tally();
        try {
            policy.maxAcknowledgedAge().ifPresent(age -> tally.cutoff = store.clock().instant().minus(age));
            if (tally.cutoff != null) {
                deleteAged(tally);
            }
            SpaceReading space = store.disk().read();
            long threshold = policy.thresholdBytes(space.totalBytes());
            while (space.usableBytes() < threshold) {
                long deficit = threshold - space.usableBytes();
                List<StoredFrame> batch = oldestCovering(FrameRows.ACKNOWLEDGED, deficit);
                if (batch.isEmpty() && policy.deleteUnsynced()) {
                    batch = oldestCovering(FrameRows.UNSYNCED, deficit);
                    tally.unsynced += batch.size();
                }
                if (batch.isEmpty()) {
                    break;
                }
                delete(batch, tally, space, threshold);
                space = store.disk().read();
            }
            Optional<Refusal> pause = space.usableBytes() < threshold ? Optional.of(pauseReason(space, threshold))
                    : Optional.empty();
            tally.succeed(space);
            announce(pause, space, threshold);
            return new RetentionOutcome(pause, tally.frames, tally.bytes, tally.unsynced, space, threshold);
        } catch (IOException | RuntimeException e) {
            tally.fail(e);
            throw e;
        }
    }

    private void deleteAged(Tally tally) throws IOException {
        while (true) {
            List<StoredFrame> oldest = store.db().read(connection -> store.rows().oldest(connection, store.epoch(),
                    FrameRows.ACKNOWLEDGED, BATCH));
            List<StoredFrame> aged = oldest.stream().takeWhile(f -> f.info().capturedAt().isBefore(tally.cutoff))
                    .toList();
            if (aged.isEmpty()) {
                return;
            }
            tally.aged += aged.size();
            delete(aged, tally, null, 0);
            if (aged.size() < oldest.size() || oldest.size() < BATCH) {
                return;
            }
        }
    }

    /** The oldest frames in {@code syncState} whose sizes add up to {@code deficit} (one batch at most). */
    private List<StoredFrame> oldestCovering(String syncState, long deficit) {
        List<StoredFrame> oldest = store.db().read(connection -> store.rows().oldest(connection, store.epoch(),
                syncState, BATCH));
        List<StoredFrame> batch = new ArrayList<>();
        long freed = 0;
        for (StoredFrame frame : oldest) {
            if (freed >= deficit) {
                break;
            }
            batch.add(frame);
            freed += frame.info().size();
        }
        return batch;
    }

    private void delete(List<StoredFrame> batch, Tally tally, SpaceReading space, long threshold) throws IOException {
        tally.start(space, threshold);
        store.deleter().delete(batch);
        tally.frames += batch.size();
        tally.bytes += batch.stream().mapToLong(f -> f.info().size()).sum();
    }

    private Refusal pauseReason(SpaceReading space, long threshold) {
        StoreStats stats = store.stats();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("usable_bytes", space.usableBytes());
        details.put("total_bytes", space.totalBytes());
        details.put("threshold_bytes", threshold);
        details.put("unsynced_frames", stats.unsyncedFrames());
        details.put("unsynced_bytes", stats.unsyncedBytes());
        String below = ", under the " + SpaceReading.human(threshold) + " kept free";
        if (stats.unsyncedFrames() > 0 && !policy.deleteUnsynced()) {
            return Refusal.of(Refusal.Kind.GUARD, "store.only_unsynced_left",
                    "Only unsynced frames remain: " + space.describe() + below + " (" + stats.unsyncedFrames()
                            + " frames, " + SpaceReading.human(stats.unsyncedBytes()) + ", wait for the studio)",
                    "connect the studio to sync, or allow deleting unsynced frames").withDetails(details);
        }
        return Refusal.of(Refusal.Kind.GUARD, "store.disk_low",
                "The disk is nearly full (" + space.describe() + below + ") and holds no frames the agent may delete",
                "free space on the camera's disk, or keep less free space").withDetails(details);
    }

    private void announce(Optional<Refusal> pause, SpaceReading space, long threshold) {
        if (pause.isPresent() && !paused) {
            store.log().message("camera:store:capture_paused", "refusal", pause.get().toFields(),
                    "usable_bytes", space.usableBytes(), "threshold_bytes", threshold);
        } else if (pause.isEmpty() && paused) {
            store.log().message("camera:store:capture_resumed", "usable_bytes", space.usableBytes(),
                    "threshold_bytes", threshold);
        }
        paused = pause.isPresent();
    }

    /** What a run deleted, and its action, started at the first deletion: a run with nothing to do logs nothing. */
    private final class Tally {
        Instant cutoff;
        Action action;
        long frames;
        long bytes;
        long unsynced;
        long aged;

        void start(SpaceReading space, long threshold) {
            if (action != null) {
                return;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            if (space != null) {
                fields.put("usable_bytes", space.usableBytes());
                fields.put("threshold_bytes", threshold);
            }
            if (cutoff != null) {
                fields.put("captured_before", cutoff.toString());
            }
            fields.put("delete_unsynced", policy.deleteUnsynced());
            action = store.log().start("camera:store:retention", fields);
        }

        void succeed(SpaceReading space) {
            if (action == null) {
                return;
            }
            action.addSuccessFields("deleted_frames", frames, "deleted_bytes", bytes, "deleted_unsynced", unsynced,
                    "deleted_for_age", aged, "usable_bytes_after", space.usableBytes());
            action.close();
            action = null;
        }

        void fail(Exception e) {
            if (action == null) {
                return;
            }
            action.addSuccessFields("deleted_frames", frames, "deleted_bytes", bytes);
            action.fail(e);
            action.close();
            action = null;
        }
    }
}
