package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Brings the folder and the index back into agreement at start-up, after whatever stopped the last process:
 * <ol>
 * <li>temporary files in {@code .incoming} are deleted (a capture or commit that never finished);</li>
 * <li>deletions retention had started are finished;</li>
 * <li>a frame file without a row that is the next sequence number and a whole JPEG (a crash between rename and
 *     commit) is indexed again, flagged recovered; any other file of ours without a row goes to quarantine, so the
 *     sequence never gets a gap and nothing partial is indexed;</li>
 * <li>rows whose file is gone are flagged and reported ({@code camera:store:missing_file}), never dropped.</li>
 * </ol>
 * It reads the whole folder once: this runs at start-up only, never on a capture's path.
 */
final class StoreRecovery {
    /** More missing files than this are counted, not each logged. */
    private static final int MISSING_MESSAGES = 100;

    private final SqliteDatabase db;
    private final FrameRows rows;
    private final StoreLayout layout;
    private final FrameFiles files;
    private final FrameDeleter deleter;
    private final ActionLog log;
    private final Clock clock;
    private final ZoneId zone;
    private final String epoch;

    StoreRecovery(SqliteDatabase db, FrameRows rows, StoreLayout layout, FrameFiles files, FrameDeleter deleter,
            ActionLog log, Clock clock, ZoneId zone, String epoch) {
        this.db = db;
        this.rows = rows;
        this.layout = layout;
        this.files = files;
        this.deleter = deleter;
        this.log = log;
        this.clock = clock;
        this.zone = zone;
        this.epoch = epoch;
    }

    void run(Action action) throws IOException {
        int leftovers = emptyIncoming();
        int deletionsFinished = deleter.finishInterrupted(epoch);
        Scan scan = scan();
        int missing = reconcileRows(scan.ours());
        int reindexed = 0;
        int quarantined = 0;
        TreeMap<Long, List<Path>> unindexed = new TreeMap<>();
        scan.ours().forEach((relative, id) -> unindexed.computeIfAbsent(id.sequence(), s -> new ArrayList<>())
                .add(layout.resolve(relative)));
        long last = db.read(rows::lastSequence);
        while (unindexed.containsKey(last + 1)) {
            List<Path> candidates = new ArrayList<>(unindexed.remove(last + 1));
            candidates.sort(Comparator.comparing(StoreRecovery::modified).reversed());
            Optional<Path> indexed = Optional.empty();
            for (Path candidate : candidates) {
                if (indexed.isEmpty()) {
                    Optional<String> rejected = reindex(candidate, new FrameId(epoch, last + 1));
                    if (rejected.isEmpty()) {
                        indexed = Optional.of(candidate);
                        reindexed++;
                        continue;
                    }
                    quarantine(candidate, rejected.get());
                } else {
                    quarantine(candidate, "a second file for sequence " + (last + 1) + ", which is already indexed"
                            + " from " + layout.relative(indexed.get()));
                }
                quarantined++;
            }
            if (indexed.isEmpty()) {
                break;
            }
            last++;
        }
        for (Map.Entry<Long, List<Path>> entry : unindexed.entrySet()) {
            long sequence = entry.getKey();
            String reason = sequence <= last
                    ? "sequence " + sequence + " was already handed out (to an indexed or deleted frame)"
                    : "sequence " + sequence + " is not the next one (" + (last + 1) + "): indexing it would leave a gap";
            for (Path file : entry.getValue()) {
                quarantine(file, reason);
                quarantined++;
            }
        }
        action.addSuccessFields("leftovers_deleted", leftovers, "deletions_finished", deletionsFinished,
                "reindexed", reindexed, "quarantined", quarantined, "missing_files", missing,
                "foreign_files", scan.foreign(), "last_sequence", last);
    }

    private int emptyIncoming() throws IOException {
        int deleted = 0;
        try (Stream<Path> leftovers = Files.list(layout.incoming())) {
            for (Path leftover : leftovers.toList()) {
                long size = Files.isRegularFile(leftover) ? Files.size(leftover) : -1;
                files.delete(leftover);
                log.message("camera:store:leftover_deleted", "file", leftover.getFileName().toString(), "bytes", size);
                deleted++;
            }
        }
        if (deleted > 0) {
            files.syncFolder(layout.incoming());
        }
        return deleted;
    }

    /** Files named like frames, by relative path: this store's, and a count of other epochs' (left alone). */
    private record Scan(Map<String, FrameId> ours, int foreign) {}

    private Scan scan() throws IOException {
        Map<String, FrameId> ours = new HashMap<>();
        TreeSet<String> foreignEpochs = new TreeSet<>();
        int[] foreign = {0};
        Files.walkFileTree(layout.frames(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(layout.incoming()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    StoreLayout.parseName(file.getFileName().toString()).ifPresent(id -> {
                        if (id.epoch().equals(epoch)) {
                            ours.put(layout.relative(file), id);
                        } else {
                            foreign[0]++;
                            foreignEpochs.add(id.epoch());
                        }
                    });
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (foreign[0] > 0) {
            // Frames of an earlier store (its database was lost or replaced): kept, not served, never deleted.
            log.message("camera:store:foreign_frames", "files", foreign[0], "epochs", List.copyOf(foreignEpochs),
                    "epoch", epoch);
        }
        return new Scan(ours, foreign[0]);
    }

    /** Flags rows whose file is gone and clears the flag of those whose file is back; removes matches from {@code found}. */
    private int reconcileRows(Map<String, FrameId> found) {
        List<FrameRows.IndexedPath> indexed = db.read(connection -> rows.allPaths(connection, epoch));
        List<FrameId> nowMissing = new ArrayList<>();
        List<FrameId> back = new ArrayList<>();
        int missing = 0;
        for (FrameRows.IndexedPath row : indexed) {
            boolean present = found.remove(row.path()) != null;
            if (!present) {
                missing++;
                if (!row.flaggedMissing()) {
                    nowMissing.add(row.id());
                    if (nowMissing.size() <= MISSING_MESSAGES) {
                        log.message("camera:store:missing_file", "id", row.id().toString(), "path", row.path());
                    }
                }
            } else if (row.flaggedMissing()) {
                back.add(row.id());
                log.message("camera:store:file_returned", "id", row.id().toString(), "path", row.path());
            }
        }
        if (nowMissing.size() > MISSING_MESSAGES) {
            log.message("camera:store:missing_file", "more", nowMissing.size() - MISSING_MESSAGES);
        }
        if (!nowMissing.isEmpty() || !back.isEmpty()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            db.write(connection -> {
                for (FrameId id : nowMissing) {
                    rows.flagMissing(connection, id, Optional.of(now));
                }
                for (FrameId id : back) {
                    rows.flagMissing(connection, id, Optional.empty());
                }
                return null;
            });
        }
        return missing;
    }

    /** Indexes {@code file} as {@code id}, flagged recovered; or says why it cannot be. */
    private Optional<String> reindex(Path file, FrameId id) throws IOException {
        FrameDigest digest;
        try {
            digest = FrameDigest.of(file);
        } catch (IncompleteFrameException e) {
            return Optional.of(e.getMessage());
        }
        RecoveredFacts facts = RecoveredFacts.read(file, zone);
        StoredFrame frame = new StoredFrame(
                new FrameInfo(id, facts.capturedAt(), facts.utcOffsetSeconds(), digest.size(), digest.sha256(),
                        facts.width(), facts.height(), facts.exposure(), false),
                layout.relative(file), Optional.empty(), Optional.empty(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), Optional.empty(), true, Optional.empty());
        db.writeDurably(connection -> {
            rows.insert(connection, frame);
            rows.advanceSequence(connection, id.sequence() - 1);
            return null;
        });
        log.message("camera:store:reindexed", "id", id.toString(), "path", frame.path(), "size", digest.size(),
                "sha256", digest.sha256(), "captured_at", facts.capturedAt().toString(), "time_from", facts.source());
        return Optional.empty();
    }

    private void quarantine(Path file, String reason) {
        try {
            files.createFolders(layout.quarantine());
            Path target = layout.quarantine().resolve(file.getFileName());
            for (int n = 1; Files.exists(target); n++) {
                target = layout.quarantine().resolve(file.getFileName() + "." + n);
            }
            files.move(file, target);
            files.syncFolder(layout.quarantine());
            log.message("camera:store:quarantined", "file", layout.relative(file), "reason", reason,
                    "moved_to", target.toString());
        } catch (IOException e) {
            log.message("camera:store:quarantine_failed", "file", layout.relative(file), "reason", reason,
                    "error", e.toString());
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
