package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The agent's frames on its own disk, safe for weeks without the studio. A frame is taken in three calls:
 * <pre>
 * PendingFrame pending = store.begin();                      // a temporary file in frames/.incoming
 * CaptureResult result = backend.capture(request, pending.file());
 * FrameInfo frame = store.commit(pending, request, result);  // verified, synced, renamed, indexed — or nothing
 * </pre>
 * ({@link #abandon} when the capture failed). The studio pages through {@link #after}, downloads {@link #file}, and
 * {@link #acknowledge}s what it stored; only then may {@link Retention} delete a frame.
 *
 * <p>One process uses a store at a time (an OS lock on the folder); within it, every method may be called from any
 * thread. The caller migrates the database first: {@code db.migrate("agent", "db/agent")}.
 */
public final class FrameStore implements AutoCloseable {
    /** The most frames one page lists. */
    public static final int MAX_PAGE = 1000;
    private static final String EPOCH_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SqliteDatabase db;
    private final ActionLog log;
    private final Clock clock;
    private final DiskSpace disk;
    private final StoreLayout layout;
    private final FrameRows rows;
    private final FrameDeleter deleter;
    private final FrameWriter writer;
    private final StoreOwnership ownership;
    private final String epoch;

    private FrameStore(Builder builder, StoreOwnership ownership, String epoch) {
        this.db = builder.db;
        this.log = builder.log;
        this.clock = builder.clock;
        this.disk = builder.disk;
        this.layout = builder.layout;
        this.rows = builder.rows;
        this.deleter = new FrameDeleter(db, rows, layout, builder.files);
        this.writer = new FrameWriter(db, rows, layout, builder.files, disk, clock, builder.zone, epoch);
        this.ownership = ownership;
        this.epoch = epoch;
    }

    /** A store in {@code <home>/frames}, indexed in {@code db}. */
    public static Builder builder(Path home, SqliteDatabase db, ActionLog log) {
        return new Builder(home, db, log);
    }

    /** This store's epoch: the first half of every frame id it hands out. */
    public String epoch() {
        return epoch;
    }

    /** The folder a person browses: {@code <home>/frames/YYYY/MM/DD/}. */
    public Path framesFolder() {
        return layout.frames();
    }

    // --- writing ---

    /** A new temporary file for a backend to write one frame into. Nothing is reserved: abandoning costs nothing. */
    public PendingFrame begin() throws IOException {
        Files.createDirectories(layout.incoming());
        return new PendingFrame(layout.incoming().resolve(UUID.randomUUID() + ".jpg"));
    }

    /**
     * Keeps the frame the backend wrote: checks it is a whole JPEG, hashes and syncs it, gives it the next sequence
     * number, renames it into its day's folder and indexes it, as one step that either happens completely or not at
     * all. The temporary file is gone afterwards either way. Logged as {@code camera:store:commit}.
     *
     * @throws IncompleteFrameException the file is empty, cut short or not a JPEG (the backend's fault; retry)
     * @throws DiskFullException no space to store it (pause, and let retention make room)
     * @throws IOException another failure of the disk
     */
    public FrameInfo commit(PendingFrame pending, CaptureRequest request, CaptureResult result) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        requireOwn(pending);
        return log.call("camera:store:commit", Map.of("slot", request.slot().toString()), action -> {
            try {
                StoredFrame frame = writer.commit(pending, request, result);
                FrameInfo info = frame.info();
                action.addSuccessFields("id", info.id().toString(), "size", info.size(), "sha256", info.sha256(),
                        "path", frame.path(), "captured_at", info.capturedAt().toString());
                return info;
            } finally {
                deleteQuietly(pending.file());
            }
        });
    }

    /** Throws away a frame whose capture failed: its temporary file goes, no number is used. */
    public void abandon(PendingFrame pending) {
        requireOwn(pending);
        deleteQuietly(pending.file());
    }

    private void requireOwn(PendingFrame pending) {
        Objects.requireNonNull(pending, "pending");
        Path parent = pending.file().toAbsolutePath().normalize().getParent();
        if (!layout.incoming().equals(parent)) {
            throw new IllegalArgumentException("not a pending frame of this store: " + pending.file());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file that will not go now goes at the next start-up (recovery empties .incoming).
        }
    }

    // --- reading ---

    /**
     * Up to {@code limit} frames after {@code cursor}, in sequence order. A cursor of another epoch (the studio's
     * bookmark from before this store was re-created) lists this epoch from its first frame.
     */
    public FramePage after(Optional<FrameId> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1–" + MAX_PAGE + " frames, asked for " + limit);
        }
        long afterSequence = cursor.filter(id -> id.epoch().equals(epoch)).map(FrameId::sequence).orElse(0L);
        List<StoredFrame> found = db.read(connection -> rows.page(connection, epoch, afterSequence, limit + 1));
        List<FrameInfo> frames = found.stream().limit(limit).map(StoredFrame::info).toList();
        Optional<FrameId> next = found.size() > limit ? Optional.of(frames.get(limit - 1).id()) : Optional.empty();
        return new FramePage(frames, next);
    }

    public Optional<FrameInfo> find(FrameId id) {
        return stored(id).map(StoredFrame::info);
    }

    /** Everything the index holds about a frame: its settings, slot, path, and recovered or missing flags. */
    public Optional<StoredFrame> stored(FrameId id) {
        if (!id.epoch().equals(epoch)) {
            return Optional.empty();
        }
        return db.read(connection -> rows.find(connection, id));
    }

    public Optional<FrameInfo> latest() {
        return db.read(connection -> rows.latest(connection, epoch)).map(StoredFrame::info);
    }

    /**
     * The file to serve for an indexed frame. Empty if there is no such frame, or if its file is gone: then the row is
     * flagged and {@code camera:store:missing_file} logged (once), and {@link #find} still lists it.
     */
    public Optional<Path> file(FrameId id) {
        return download(id).flatMap(FrameFile::file);
    }

    /**
     * A frame as a download needs it — its length, digest and file (empty when the file is gone, flagged as
     * {@link #file} does) — from one read of the index that parses none of its settings or exposure; empty when the
     * store has no such frame.
     */
    public Optional<FrameFile> download(FrameId id) {
        if (!id.epoch().equals(epoch)) {
            return Optional.empty();
        }
        Optional<FrameRows.IndexedFile> indexed = db.read(connection -> rows.file(connection, id));
        if (indexed.isEmpty()) {
            return Optional.empty();
        }
        FrameRows.IndexedFile frame = indexed.get();
        Path file = layout.resolve(frame.path());
        boolean present = Files.isRegularFile(file);
        if (present == frame.flaggedMissing()) {
            Optional<Instant> since = present ? Optional.empty()
                    : Optional.of(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            boolean changed = db.write(connection -> rows.flagMissing(connection, id, since));
            if (changed) {
                log.message(present ? "camera:store:file_returned" : "camera:store:missing_file", "id", id.toString(),
                        "path", frame.path());
            }
        }
        return Optional.of(new FrameFile(id, frame.size(), frame.sha256(),
                present ? Optional.of(file) : Optional.empty()));
    }

    /** A frame's length and SHA-256 as indexed, and its file unless it is gone. */
    public record FrameFile(FrameId id, long size, String sha256, Optional<Path> file) {}

    /** Counts, bytes, the oldest unsynced and latest frames, missing files and the volume's space. */
    public StoreStats stats() {
        SpaceReading space = disk.read();
        return db.read(connection -> {
            long[] totals = rows.totals(connection);
            Optional<FrameInfo> oldestUnsynced = rows.oldest(connection, epoch, FrameRows.UNSYNCED, 1).stream()
                    .findFirst().map(StoredFrame::info);
            Optional<FrameInfo> latest = rows.latest(connection, epoch).map(StoredFrame::info);
            return new StoreStats(epoch, rows.lastSequence(connection), totals[0] + totals[2], totals[0], totals[1],
                    totals[2], totals[3], oldestUnsynced, latest, rows.missingCount(connection, epoch), space);
        });
    }

    // --- the studio's acknowledgements and retention ---

    /**
     * Records that the studio has stored frames {@code from..to} of this epoch. Idempotent: frames already
     * acknowledged, or already deleted by retention, count 0. Logged as {@code camera:store:acknowledge}.
     *
     * @return how many frames became acknowledged now
     * @throws RefusedException NOT_FOUND for another epoch; INVALID for numbers this store has not handed out yet
     */
    public long acknowledge(Acknowledgement acknowledgement) {
        return log.call("camera:store:acknowledge", Map.of("epoch", acknowledgement.epoch(),
                "from", acknowledgement.fromSequence(), "to", acknowledgement.toSequence()), action -> {
                    if (!acknowledgement.epoch().equals(epoch)) {
                        throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "store.other_epoch",
                                "This camera holds no frames of epoch " + acknowledgement.epoch()
                                        + " (its store's epoch is " + epoch + ")",
                                "list the camera's frames again and acknowledge what that lists")
                                .withDetails(Map.of("epoch", epoch)));
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    long acknowledged = db.writeDurably(connection -> {
                        long last = rows.lastSequence(connection);
                        if (acknowledgement.toSequence() > last) {
                            throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "store.not_yet_taken",
                                    "Frame " + acknowledgement.toSequence() + " has not been taken yet (the last is "
                                            + last + "); nothing was acknowledged",
                                    "acknowledge only frames the camera listed")
                                    .withDetails(Map.of("last_sequence", last)));
                        }
                        return rows.acknowledge(connection, epoch, acknowledgement.fromSequence(),
                                acknowledgement.toSequence(), now);
                    });
                    action.addSuccessFields("acknowledged", acknowledged);
                    return acknowledged;
                });
    }

    /** Retention for this store under {@code policy}; keep one and {@link Retention#run} it before each capture. */
    public Retention retention(RetentionPolicy policy) {
        return new Retention(this, policy);
    }

    // --- for Retention, in this package ---

    SqliteDatabase db() {
        return db;
    }

    FrameRows rows() {
        return rows;
    }

    FrameDeleter deleter() {
        return deleter;
    }

    DiskSpace disk() {
        return disk;
    }

    ActionLog log() {
        return log;
    }

    Clock clock() {
        return clock;
    }

    /** Releases the folder for another process. The database belongs to the caller and stays open. */
    @Override
    public void close() throws IOException {
        ownership.close();
    }

    /** Opens a {@link FrameStore}. */
    public static final class Builder {
        private final SqliteDatabase db;
        private final ActionLog log;
        private final StoreLayout layout;
        private final FrameRows rows = new FrameRows();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.systemDefault();
        private DiskSpace disk;
        private FrameFiles files = FrameFiles.durable();

        private Builder(Path home, SqliteDatabase db, ActionLog log) {
            this.layout = new StoreLayout(home);
            this.db = Objects.requireNonNull(db, "db");
            this.log = Objects.requireNonNull(log, "log");
        }

        /** The agent's clock: when frames were stored and acknowledged. */
        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /** The camera's time zone: each frame's UTC offset and its day folder. */
        public Builder zone(ZoneId newZone) {
            this.zone = newZone;
            return this;
        }

        /** By default the real volume of the frames folder. */
        public Builder diskSpace(DiskSpace newDisk) {
            this.disk = newDisk;
            return this;
        }

        /** By default {@link FrameFiles#durable()}. */
        public Builder files(FrameFiles newFiles) {
            this.files = newFiles;
            return this;
        }

        /**
         * Creates the folders, takes the store for this process, creates its epoch on first use, and recovers from
         * whatever stopped the last process (logged as {@code camera:store:open}).
         *
         * @throws IllegalStateException another process has the store open, or the database was not migrated
         */
        public FrameStore open() throws IOException {
            Files.createDirectories(layout.incoming());
            if (disk == null) {
                disk = DiskSpace.of(layout.frames());
            }
            requireMigrated();
            StoreOwnership ownership = StoreOwnership.claim(layout.lockFile());
            try {
                return log.call("camera:store:open", Map.of("folder", layout.frames().toString()), action -> {
                    String epoch = db.writeDurably(connection -> {
                        Optional<FrameRows.StoreIdentity> identity = rows.identity(connection);
                        if (identity.isPresent()) {
                            return identity.get().epoch();
                        }
                        String created = newEpoch();
                        rows.createIdentity(connection, created, clock.instant());
                        return created;
                    });
                    action.addSuccessFields("epoch", epoch);
                    FrameStore store = new FrameStore(this, ownership, epoch);
                    new StoreRecovery(db, rows, layout, files, store.deleter, log, clock, zone, epoch).run(action);
                    return store;
                });
            } catch (IOException | RuntimeException e) {
                ownership.close();
                throw e;
            }
        }

        private void requireMigrated() {
            boolean migrated = db.read(FrameStore.Builder::hasStoreTable);
            if (!migrated) {
                throw new IllegalStateException("the agent's database has no frame tables: run"
                        + " db.migrate(\"agent\", \"db/agent\") before opening the frame store");
            }
        }

        private static boolean hasStoreTable(Connection connection) throws SQLException {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "frame_store", null)) {
                return tables.next();
            }
        }

        /** Ten characters from an alphabet without look-alikes (no l, o, 0, 1): about 50 bits. */
        private static String newEpoch() {
            SecureRandom random = new SecureRandom();
            StringBuilder epoch = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                epoch.append(EPOCH_ALPHABET.charAt(random.nextInt(EPOCH_ALPHABET.length())));
            }
            return epoch.toString();
        }
    }
}
