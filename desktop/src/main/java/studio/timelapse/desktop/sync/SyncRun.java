package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.NewCameraFrame;
import studio.timelapse.desktop.library.SyncLedger;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.DatabaseException;
import studio.timelapse.shared.job.JobContext;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;

/**
 * One run of a camera's sync: acknowledge what an earlier run stored but could not acknowledge, then fetch every new
 * frame a few at a time and, chunk by chunk, store the frames with the cursor in one durable commit, and only then
 * tell the camera it may let them go. Whatever stops it — a cut connection, a full disk, a cancel, a killed process —
 * the next run starts from the stored cursor: a frame is stored once, and acknowledged only once stored.
 */
final class SyncRun {
    private final Library library;
    private final Camera camera;
    private final CameraLink link;
    private final SyncSettings settings;
    private final ActionLog log;
    private final Frames frames;
    private final SyncLedger ledger;
    private final LibrarySpace space;
    private final PartialFiles partials;
    private final BandwidthCap cap;
    private long stored;
    private long skipped;

    SyncRun(Library library, Camera camera, CameraLink link, SyncSettings settings) {
        this.library = library;
        this.camera = camera;
        this.link = link;
        this.settings = settings;
        this.log = library.log();
        this.frames = Frames.of(library);
        this.ledger = SyncLedger.of(library);
        Path temp = SyncJob.tempArea(library);
        this.space = new LibrarySpace(library.folder(), settings.reserveBytes());
        this.partials = new PartialFiles(temp, camera.id());
        this.cap = settings.cap();
    }

    void run(JobContext<SyncJob.Params, SyncJob.Checkpoint> job) throws Exception {
        Optional<FrameId> cursor = frames.syncCursor(camera.id());
        cursor.ifPresent(this::acknowledgeStored);
        long doneBefore = job.checkpoint().map(SyncJob.Checkpoint::framesStored).orElse(0L);
        stored = doneBefore;
        skipped = job.checkpoint().map(SyncJob.Checkpoint::framesSkipped).orElse(0L);
        OptionalLong waiting = unacknowledgedOnCamera();
        if (waiting.isPresent()) {
            job.total(doneBefore + waiting.getAsLong(), "frames");
        }
        FramePlacement placement = new FramePlacement(library.files(), camera.name(), space);
        try (StallGuard stalls = new StallGuard(settings.persistence().stallLimit());
                DownloadWindow window = new DownloadWindow(link::frames, cursor,
                (frame, stop) -> placement.place(downloader(stalls).download(frame, stop)),
                settings.parallelDownloads(), settings.framesAhead(), settings.pageSize(), job.stopSignal(), log)) {
            boolean more = true;
            while (more) {
                List<DownloadWindow.Outcome> chunk = new ArrayList<>();
                long started = System.nanoTime();
                try {
                    while (chunk.size() < settings.chunkFrames()
                            && Duration.ofNanos(System.nanoTime() - started).compareTo(settings.chunkTime()) < 0) {
                        Optional<DownloadWindow.Outcome> next = window.next();
                        if (next.isEmpty()) {
                            more = false;
                            break;
                        }
                        chunk.add(next.get());
                    }
                } catch (Exception failed) {
                    // Keep what arrived before the failure: store it, then let the job retry the rest.
                    if (!chunk.isEmpty()) {
                        store(chunk, job);
                    }
                    throw failed;
                }
                if (!chunk.isEmpty()) {
                    store(chunk, job);
                }
            }
        }
        job.action().addSuccessFields("frames_stored", stored - doneBefore, "frames_skipped", skipped,
                "cursor", frames.syncCursor(camera.id()).map(FrameId::toString).orElse(null));
    }

    private FrameDownloader downloader(StallGuard stalls) {
        return new FrameDownloader(link::download, partials, space, cap, stalls, log, settings.persistence());
    }

    /** Stores one chunk with the cursor after it (durably), acknowledges it, and records the checkpoint. */
    private void store(List<DownloadWindow.Outcome> chunk, JobContext<SyncJob.Params, SyncJob.Checkpoint> job)
            throws LibraryFullException, IOException {
        FrameId through = chunk.get(chunk.size() - 1).info().id();
        List<NewCameraFrame> rows = new ArrayList<>();
        try (Action action = log.start("studio:sync:store_chunk", "camera", camera.id(),
                "first", chunk.get(0).info().id().toString(), "through", through.toString())) {
            long bytes = 0;
            for (DownloadWindow.Outcome outcome : chunk) {
                if (outcome instanceof DownloadWindow.Placed placed) {
                    rows.add(placed.row());
                    bytes += placed.info().size();
                } else if (outcome instanceof DownloadWindow.Unavailable unavailable) {
                    skipped++;
                    action.log("studio:sync:frame_skipped", "frame", unavailable.info().id().toString(),
                            "why", unavailable.why().why().name().toLowerCase(java.util.Locale.ROOT),
                            "reason", unavailable.why().getMessage());
                }
            }
            try {
                // The renames that put the chunk's files in place, made durable before the rows that refer to them.
                library.files().syncFoldersOf(rows.stream().map(NewCameraFrame::path).toList());
            } catch (IOException e) {
                if (space.classify(e, 0) instanceof LibraryFullException full) {
                    throw action.fail(full);
                }
                throw action.fail(e);
            }
            try {
                frames.storeSynced(camera.id(), rows, through);
            } catch (DatabaseException e) {
                if (LibrarySpace.isDiskFull(e)) {
                    throw action.fail(fullDatabase(e));
                }
                throw action.fail(e);
            }
            stored += rows.size();
            action.addSuccessFields("frames", rows.size(), "bytes", bytes);
        }
        acknowledgeStored(through);
        try {
            partials.removeThrough(through);
        } catch (IOException e) {
            log.message("studio:sync:partials_left", "through", through.toString(), "reason", e.getMessage());
        }
        job.chunkDone(new SyncJob.Checkpoint(through.epoch(), through.sequence(), stored, skipped), chunk.size());
    }

    private LibraryFullException fullDatabase(DatabaseException e) {
        long usable;
        try {
            usable = space.usable();
        } catch (IOException unreadable) {
            usable = 0;
        }
        return LibraryFullException.of(library.folder().toString(), usable, settings.reserveBytes(), e);
    }

    /**
     * Tells the camera about every stored frame it has not confirmed yet, up to {@code storedThrough}. A failure is
     * harmless: the frames are stored, and the next chunk or run tells it again.
     */
    private void acknowledgeStored(FrameId storedThrough) {
        List<Acknowledgement> runs = ledger.unacknowledged(camera.id(), storedThrough);
        if (runs.isEmpty()) {
            return;
        }
        try (Action action = log.start("studio:sync:acknowledge", "camera", camera.id(),
                "through", storedThrough.toString(), "runs", runs.size())) {
            long newly = 0;
            try {
                for (Acknowledgement run : runs) {
                    newly += link.acknowledge(run).newlyAcknowledged();
                }
                ledger.acknowledged(camera.id(), storedThrough);
                action.addSuccessFields("newly_acknowledged", newly);
            } catch (IOException | RuntimeException e) {
                action.addSuccessFields("outcome", "left for later", "reason", String.valueOf(e.getMessage()));
            }
        }
    }

    private OptionalLong unacknowledgedOnCamera() {
        try {
            return link.unacknowledgedFrames();
        } catch (IOException e) {
            // Only progress depends on it; the listing tells whether the camera answers at all.
            return OptionalLong.empty();
        }
    }
}
