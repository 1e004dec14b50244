package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * The commit protocol: verify the temporary file is a whole JPEG while hashing it, fsync it, create the day's folder,
 * then in one write transaction take the next sequence number, rename the file into place, fsync the folder, insert
 * the row and advance the counter, committed durably. Any failure undoes the rename, so a frame is either indexed
 * with its complete file or not there at all; a crash between rename and commit is repaired by recovery at start-up.
 */
final class FrameWriter {
    private final SqliteDatabase db;
    private final FrameRows rows;
    private final StoreLayout layout;
    private final FrameFiles files;
    private final DiskSpace disk;
    private final Clock clock;
    private final ZoneId zone;
    private final String epoch;

    FrameWriter(SqliteDatabase db, FrameRows rows, StoreLayout layout, FrameFiles files, DiskSpace disk, Clock clock,
            ZoneId zone, String epoch) {
        this.db = db;
        this.rows = rows;
        this.layout = layout;
        this.files = files;
        this.disk = disk;
        this.clock = clock;
        this.zone = zone;
        this.epoch = epoch;
    }

    StoredFrame commit(PendingFrame pending, CaptureRequest request, CaptureResult result) throws IOException {
        Path temp = pending.file();
        FrameDigest digest = FrameDigest.of(temp);
        step("sync_file", () -> files.syncFile(temp));
        // Milliseconds: what the index keeps, so that what commit returns is what find returns.
        Instant capturedAt = result.capturedAt().truncatedTo(ChronoUnit.MILLIS);
        ZoneOffset offset = zone.getRules().getOffset(capturedAt);
        Path folder = layout.frames().resolve(StoreLayout.folderOf(capturedAt.atOffset(offset).toLocalDate()));
        step("create_folder", () -> files.createFolders(folder));

        AtomicReference<Placed> placed = new AtomicReference<>();
        try {
            return db.writeDurably(connection -> {
                long sequence = rows.lastSequence(connection) + 1;
                FrameId id = new FrameId(epoch, sequence);
                Path target = folder.resolve(StoreLayout.fileName(id));
                inTransaction("rename", () -> files.move(temp, target));
                placed.set(new Placed(id, target));
                inTransaction("sync_folder", () -> files.syncFolder(folder));
                StoredFrame frame = new StoredFrame(
                        new FrameInfo(id, capturedAt, offset.getTotalSeconds(), digest.size(), digest.sha256(),
                                result.width(), result.height(), result.exposure(), false),
                        layout.relative(target), Optional.of(request.settings()),
                        Optional.of(request.slot().truncatedTo(ChronoUnit.MILLIS)),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), Optional.empty(), false, Optional.empty());
                rows.insert(connection, frame);
                rows.advanceSequence(connection, sequence - 1);
                return frame;
            });
        } catch (StepFailed e) {
            IOException failure = classify(e.step, e.getCause());
            undo(placed.get());
            throw failure;
        } catch (RuntimeException e) {
            IOException failure = classify("index", e);
            undo(placed.get());
            throw failure;
        }
    }

    /**
     * Removes a file renamed into place whose row did not commit. If its row is there after all (the commit went
     * through and only its answer was lost) or the database cannot say, the file stays: recovery decides at the next
     * start, and the next commit, which takes the same number, replaces it.
     */
    private void undo(Placed placed) {
        if (placed == null) {
            return;
        }
        boolean indexed;
        try {
            indexed = db.read(connection -> rows.find(connection, placed.id()).isPresent());
        } catch (RuntimeException e) {
            return;
        }
        if (!indexed) {
            try {
                files.delete(placed.target());
                files.syncFolder(placed.target().getParent());
            } catch (IOException e) {
                // Left for recovery (see above); the commit's own failure is what the caller hears about.
            }
        }
    }

    /** A full disk becomes {@link DiskFullException}; other I/O errors stay what they are. */
    private IOException classify(String step, Throwable failure) {
        Optional<SpaceReading> space = readSpace();
        boolean full = DiskFullException.saysNoSpace(failure)
                || space.map(s -> s.usableBytes() < DiskFullException.NEARLY_FULL_BYTES).orElse(false);
        if (full) {
            return new DiskFullException(step, space.orElse(new SpaceReading(0, 0)), failure);
        }
        if (failure instanceof IOException io) {
            return io;
        }
        return new IOException("the frame could not be stored (failed at " + step + "): " + failure.getMessage(),
                failure);
    }

    private Optional<SpaceReading> readSpace() {
        try {
            return Optional.of(disk.read());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void step(String step, FileStep work) throws IOException {
        try {
            work.run();
        } catch (IOException e) {
            throw classify(step, e);
        }
    }

    /** File steps inside the transaction: the failure leaves it as a runtime exception (rolling it back). */
    private static void inTransaction(String step, FileStep work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new StepFailed(step, e);
        }
    }

    @FunctionalInterface
    private interface FileStep {
        void run() throws IOException;
    }

    private record Placed(FrameId id, Path target) {}

    /** A file step that failed inside the transaction, with its name. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String step;

        StepFailed(String step, IOException cause) {
            super(cause);
            this.step = step;
        }
    }
}
