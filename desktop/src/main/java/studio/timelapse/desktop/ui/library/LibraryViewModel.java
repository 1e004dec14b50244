package studio.timelapse.desktop.ui.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.timelapse.desktop.importing.ImportJob;
import studio.timelapse.desktop.ingest.IngestJob;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Cameras;
import studio.timelapse.desktop.library.Daylight;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.PageCursor;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceView;
import studio.timelapse.desktop.sync.SyncJob;
import studio.timelapse.desktop.ui.common.ByteText;
import studio.timelapse.desktop.ui.common.Explainer;
import studio.timelapse.desktop.ui.common.FrameImage;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.Refresher;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.actionlog.TaskStatus;
import studio.timelapse.shared.actionlog.TaskStatusTracker;
import studio.timelapse.shared.astronomy.GeoPosition;

/**
 * The Library screen: the sequences, the frames of the chosen one (a grid and a timeline with its luminance curve and
 * day/night bands), the frame in the viewer with its capture data and EXIF, rejecting and restoring frames, playing
 * through them, and defining new sequences. Frames load a page at a time in the background into a compact
 * {@link FrameStrip}; the strip follows syncs and ingests as they finish.
 */
public final class LibraryViewModel implements AutoCloseable {
    static final int PAGE = 2_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Imports a folder as a job: the session's. */
    @FunctionalInterface
    public interface FolderImport {
        void start(Path folder) throws Exception;
    }

    private final Library library;
    private final SequenceCatalog catalog;
    private final Frames frames;
    private final TaskStatusTracker tracker;
    private final UiWork work;
    private final Explainer explainer;
    private final FolderImport folderImport;
    private final ZoneId zone;
    private final ThumbnailLoader thumbnails;

    private final ObservableList<SequenceItem> sequences = FXCollections.observableArrayList();
    private final ObservableList<SequenceItem> sequencesView = FXCollections.unmodifiableObservableList(sequences);
    private final ObjectProperty<SequenceItem> selectedSequence = new SimpleObjectProperty<>(this, "selectedSequence");
    private final FrameStrip strip = new FrameStrip();
    private final IntegerProperty frameCount = new SimpleIntegerProperty(this, "frameCount");
    private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize");
    private final IntegerProperty stripVersion = new SimpleIntegerProperty(this, "stripVersion");
    private final BooleanProperty loadingFrames = new SimpleBooleanProperty(this, "loadingFrames");
    private final StringProperty framesStatus = new SimpleStringProperty(this, "framesStatus", "");
    private final StringProperty daylightRule = new SimpleStringProperty(this, "daylightRule", "");
    private final IntegerProperty current = new SimpleIntegerProperty(this, "current", -1);
    private final ObjectProperty<Optional<FrameDetail>> detail = new SimpleObjectProperty<>(this, "detail",
            Optional.empty());
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final ObjectProperty<Optional<DefineSequenceViewModel>> defining = new SimpleObjectProperty<>(this,
            "defining", Optional.empty());
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());
    private final Refresher<List<SequenceItem>> sequenceRefresher;
    /** Grows with each new listing, so pages of an older listing still loading are dropped. */
    private final AtomicLong listing = new AtomicLong();
    private AutoCloseable trackerSubscription;
    /** The frame to show again once a sequence read again whole is in. */
    private long restoreFrameId = -1;

    public LibraryViewModel(Library library, SequenceCatalog catalog, TaskStatusTracker tracker, UiWork work,
            Explainer explainer, FolderImport folderImport, ZoneId zone) {
        this.library = library;
        this.catalog = catalog;
        this.frames = Frames.of(library);
        this.tracker = tracker;
        this.work = work;
        this.explainer = explainer;
        this.folderImport = folderImport;
        this.zone = zone;
        this.thumbnails = new ThumbnailLoader(frames, library.folder());
        this.sequenceRefresher = new Refresher<>(work, "Read the sequences", this::readSequences, this::showSequences,
                failure -> problem.set(Optional.of(failure)));
        selectedSequence.addListener((observable, before, now) -> {
            if (now == null || before == null || now.id() != before.id()) {
                list(now);
            }
        });
        current.addListener((observable, before, now) -> loadDetail(now.intValue()));
    }

    /** Reads the sequences, and follows syncs, ingests and imports as they finish. */
    public void start() {
        if (trackerSubscription == null) {
            trackerSubscription = tracker.onChange(this::taskChanged);
        }
        refreshSequences();
    }

    private void taskChanged(TaskStatus status) {
        if (status.state() != TaskStatus.State.SUCCEEDED) {
            return;
        }
        switch (status.actionType()) {
            case SyncJob.NAME, ImportJob.NAME -> {
                refreshSequences();
                work.onUi(this::refreshTail);
            }
            case IngestJob.NAME -> {
                thumbnails.forgetMissing();
                work.onUi(this::refreshTail);
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- sequences

    public void refreshSequences() {
        sequenceRefresher.request();
    }

    private List<SequenceItem> readSequences() {
        List<SequenceItem> items = new ArrayList<>();
        for (SequenceView view : catalog.list()) {
            items.add(new SequenceItem(view.id(), view.sequence().name(), view.sequence().kind(),
                    view.state().state(), catalog.countFrames(view.id())));
        }
        return items;
    }

    private void showSequences(List<SequenceItem> items) {
        if (!items.equals(sequences)) {
            sequences.setAll(items);
        }
        SequenceItem chosen = selectedSequence.get();
        Optional<SequenceItem> same = chosen == null ? Optional.empty()
                : items.stream().filter(item -> item.id() == chosen.id()).findFirst();
        if (same.isPresent()) {
            selectedSequence.set(same.get());
        } else if (!items.isEmpty()) {
            selectedSequence.set(items.get(0));
        } else {
            selectedSequence.set(null);
        }
    }

    // ---------------------------------------------------------------- frames

    /** Reads the sequence's frames from the start, a page at a time; the grid fills as they arrive. */
    private void list(SequenceItem sequence) {
        long mine = listing.incrementAndGet();
        playing.set(false);
        strip.truncate(0);
        frameCount.set(0);
        current.set(-1);
        // The grid has its full size at once, from the sequence's count: pages fill it as they arrive.
        gridSize.set(sequence == null ? 0 : (int) Math.min(Integer.MAX_VALUE, sequence.frames()));
        stripVersion.set(stripVersion.get() + 1);
        daylightRule.set("");
        if (sequence == null) {
            framesStatus.set("");
            return;
        }
        read(sequence.id(), Optional.empty(), mine);
    }

    /**
     * Reads again the frames from the first one ingest had not measured (or from the end): new frames of a sync, and
     * the luminance ingest has found since. Sequences that take every Nth frame are read again whole, as their
     * counting starts at the first frame.
     */
    public void refreshTail() {
        SequenceItem sequence = selectedSequence.get();
        if (sequence == null || loadingFrames.get()) {
            return;
        }
        if (sequence.kind() == SequenceKind.DEFINED) {
            restoreFrameId = current.get() >= 0 && current.get() < strip.size() ? strip.id(current.get()) : -1;
            list(sequence);
            return;
        }
        int from = 0;
        while (from < strip.size() && !Float.isNaN(strip.meanLuma(from))) {
            from++;
        }
        Optional<PageCursor> after = from == 0 ? Optional.empty() : Optional.of(PageCursor.after(strip.position(
                from - 1)));
        long mine = listing.incrementAndGet();
        int keepFrom = from;
        read(sequence.id(), after, mine, keepFrom);
    }

    private void read(long sequenceId, Optional<PageCursor> after, long mine) {
        read(sequenceId, after, mine, 0);
    }

    /** One page in the background; the next one is asked for once this one is on screen. */
    private void read(long sequenceId, Optional<PageCursor> after, long mine, int truncateTo) {
        loadingFrames.set(true);
        work.query("Read the frames of sequence " + sequenceId, () -> page(sequenceId, after), page -> {
            if (listing.get() != mine) {
                return;
            }
            if (truncateTo >= 0) {
                strip.truncate(truncateTo);
            }
            page.frames().forEach(f -> strip.append(f.frame(), f.verdict(), f.basis()));
            daylightRule.set(DaylightRule.describe(strip.countByBasis()));
            frameCount.set(strip.size());
            gridSize.set(Math.max(gridSize.get(), strip.size()));
            stripVersion.set(stripVersion.get() + 1);
            if (current.get() < 0 && strip.size() > 0) {
                current.set(0);
            }
            if (page.next().isPresent()) {
                framesStatus.set("Reading frames… " + strip.size() + " of " + gridSize.get());
                read(sequenceId, page.next(), mine, -1);
            } else {
                loadingFrames.set(false);
                gridSize.set(strip.size());
                framesStatus.set(strip.size() + (strip.size() == 1 ? " frame" : " frames"));
                if (restoreFrameId >= 0 && strip.indexOf(restoreFrameId) >= 0) {
                    current.set(strip.indexOf(restoreFrameId));
                }
                restoreFrameId = -1;
            }
        }, failure -> {
            loadingFrames.set(false);
            problem.set(Optional.of(failure));
        });
    }

    /** A page of frames with each one's daylight verdict, judged by the library's rule for its camera. */
    private record JudgedPage(List<Judged> frames, Optional<PageCursor> next) {}

    private record Judged(Frame frame, Daylight.Verdict verdict, Daylight.Basis basis) {}

    private JudgedPage page(long sequenceId, Optional<PageCursor> after) {
        Page page = frames.ofSequence(sequenceId, after, PAGE);
        Map<String, Optional<GeoPosition>> locations = new HashMap<>();
        Cameras cameras = Cameras.of(library);
        List<Judged> judged = new ArrayList<>(page.frames().size());
        for (Frame frame : page.frames()) {
            Optional<GeoPosition> location = frame.cameraId()
                    .flatMap(id -> locations.computeIfAbsent(id, c -> cameras.find(c).flatMap(Camera::location)));
            judged.add(new Judged(frame, Daylight.of(frame, location), Daylight.basis(frame, location)));
        }
        return new JudgedPage(judged, page.next());
    }

    /** The strip of the chosen sequence: read it on the UI thread, after {@link #stripVersionProperty()} moves. */
    public FrameStrip strip() {
        return strip;
    }

    public ThumbnailLoader thumbnails() {
        return thumbnails;
    }

    // ---------------------------------------------------------------- the viewer

    private void loadDetail(int index) {
        if (index < 0 || index >= strip.size()) {
            detail.set(Optional.empty());
            return;
        }
        long frameId = strip.id(index);
        work.query("Read frame " + frameId, () -> detailOf(frameId), found -> {
            if (current.get() >= 0 && current.get() < strip.size() && strip.id(current.get()) == frameId) {
                detail.set(found);
            }
        }, failure -> problem.set(Optional.of(failure)));
    }

    private Optional<FrameDetail> detailOf(long frameId) {
        Optional<Frame> found = frames.find(frameId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Frame frame = found.get();
        Path file = library.folder().resolve(frame.path());
        List<FrameDetail.Field> capture = new ArrayList<>();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(frame.utcOffsetSeconds());
        capture.add(field("Captured", WHEN.format(frame.capturedAt().atOffset(offset)) + " (UTC" + offset.getId()
                .replace("Z", "+00:00") + ")"));
        frame.cameraId().ifPresent(camera -> capture.add(field("Camera", Cameras.of(library).find(camera)
                .map(Camera::name).orElse(camera))));
        frame.cameraFrameId().ifPresent(id -> capture.add(field("On the camera", id.epoch() + " #" + id.sequence())));
        if (frame.width() > 0) {
            capture.add(field("Size", frame.width() + " × " + frame.height() + " px, " + ByteText.of(frame.size())));
        } else {
            capture.add(field("Size", ByteText.of(frame.size())));
        }
        frame.ingested().ifPresentOrElse(ingested -> {
            capture.add(field("Mean luminance", String.format(Locale.ROOT, "%.1f of 255", ingested.meanLuma())));
            String exposure = exposure(ingested.exposure());
            if (!exposure.isEmpty()) {
                capture.add(field("Exposure", exposure));
            }
        }, () -> capture.add(field("Ingest", "not yet measured")));
        capture.add(field("Daylight", Daylight.of(frame, frame.cameraId().flatMap(id -> Cameras.of(library).find(id))
                .flatMap(Camera::location)).name().toLowerCase(Locale.ROOT)));
        capture.add(field("Rejected", frame.rejected() ? "yes" : "no"));
        capture.add(field("Added", WHEN.format(frame.addedAt().atZone(zone))));
        capture.add(field("File", frame.path()));
        capture.add(field("SHA-256", frame.sha256()));
        List<FrameDetail.Field> exif;
        if (!Files.isRegularFile(file)) {
            exif = List.of(field("File", "missing: " + file));
        } else {
            try {
                exif = ExifFields.read(file);
            } catch (IOException e) {
                exif = List.of(field("EXIF", "unreadable: " + e.getMessage()));
            }
        }
        FrameImage image = new FrameImage(frame.id(), frames.thumbnail(frame.id()).map(t -> t.jpeg()), file,
                frame.capturedAt());
        return Optional.of(new FrameDetail(frame.id(), image, frame.rejected(), capture, exif));
    }

    private static String exposure(studio.timelapse.desktop.library.Exposure exposure) {
        List<String> parts = new ArrayList<>();
        exposure.timeSeconds().ifPresent(t -> parts.add(t >= 1 ? String.format(Locale.ROOT, "%.1f s", t)
                : "1/" + Math.round(1 / t) + " s"));
        exposure.fNumber().ifPresent(f -> parts.add(String.format(Locale.ROOT, "f/%.1f", f)));
        exposure.iso().ifPresent(iso -> parts.add("ISO " + iso));
        return String.join(", ", parts);
    }

    private static FrameDetail.Field field(String name, String value) {
        return new FrameDetail.Field(name, value);
    }

    // ---------------------------------------------------------------- browsing

    /** Moves the current frame by {@code delta} (arrows: one; up and down: a row), staying in the strip. */
    public void move(int delta) {
        if (strip.size() == 0) {
            return;
        }
        int from = Math.max(0, current.get());
        current.set(Math.max(0, Math.min(strip.size() - 1, from + delta)));
    }

    public void show(int index) {
        if (index >= 0 && index < strip.size()) {
            current.set(index);
        }
    }

    /** Space: plays from the current frame, or stops. */
    public void togglePlay() {
        if (playing.get()) {
            playing.set(false);
        } else if (strip.size() > 1) {
            if (current.get() >= strip.size() - 1) {
                current.set(0);
            }
            playing.set(true);
        }
    }

    /** One frame on, while playing; playing stops at the last frame. */
    public void playTick() {
        if (!playing.get()) {
            return;
        }
        if (current.get() >= strip.size() - 1) {
            playing.set(false);
        } else {
            current.set(current.get() + 1);
        }
    }

    /** R: rejects the current frame, or takes its rejection back. */
    public void toggleReject() {
        int index = current.get();
        if (index < 0 || index >= strip.size()) {
            return;
        }
        long frameId = strip.id(index);
        boolean reject = !strip.rejected(index);
        work.command(reject ? "studio:ui:reject_frame" : "studio:ui:restore_frame", Map.of("frame", frameId),
                reject ? "Frame " + frameId + " was not rejected" : "Frame " + frameId + " was not restored", () -> {
                    if (reject) {
                        frames.reject(frameId);
                    } else {
                        frames.restore(frameId);
                    }
                    return reject;
                }, done -> {
                    int now = strip.indexOf(frameId);
                    if (now >= 0) {
                        strip.rejected(now, done);
                        stripVersion.set(stripVersion.get() + 1);
                    }
                    problem.set(Optional.empty());
                    loadDetail(current.get());
                    refreshSequences();
                }, failure -> problem.set(Optional.of(failure)));
    }

    // ---------------------------------------------------------------- defining and importing

    /** Opens the sheet that defines a sequence, with the chosen camera or import as its source. */
    public void defineSequence() {
        List<SequenceItem> sources = sequences.stream().filter(s -> s.kind() != SequenceKind.DEFINED).toList();
        DefineSequenceViewModel define = new DefineSequenceViewModel(catalog, sources, zone, work, view -> {
            defining.set(Optional.empty());
            refreshSequences();
        });
        SequenceItem chosen = selectedSequence.get();
        if (chosen != null) {
            define.choose(chosen.id());
        }
        defining.set(Optional.of(define));
    }

    public void closeDefine() {
        defining.set(Optional.empty());
    }

    /** Imports a folder or a card as a job; its frames appear when it is done. */
    public void importFolder(Path folder) {
        work.command("studio:ui:import_folder", Map.of("folder", folder.toString()),
                "Could not import " + folder, () -> {
                    folderImport.start(folder);
                    return folder;
                }, done -> problem.set(Optional.empty()), failure -> problem.set(Optional.of(failure)));
    }

    public void explain(Problem shown) {
        shown.taskUuid().ifPresent(explainer::explain);
    }

    public void dismissProblem() {
        problem.set(Optional.empty());
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<SequenceItem> sequences() {
        return sequencesView;
    }

    public ObjectProperty<SequenceItem> selectedSequenceProperty() {
        return selectedSequence;
    }

    public ReadOnlyIntegerProperty frameCountProperty() {
        return frameCount;
    }

    /**
     * How many cells the grid has: the sequence's frame count as soon as it is chosen, so the grid can be scrolled
     * at once; cells past {@link #frameCountProperty()} wait for their page. At least the frames read so far.
     */
    public ReadOnlyIntegerProperty gridSizeProperty() {
        return gridSize;
    }

    /** Moves whenever the strip changed: frames added, a frame rejected. */
    public ReadOnlyIntegerProperty stripVersionProperty() {
        return stripVersion;
    }

    public ReadOnlyBooleanProperty loadingFramesProperty() {
        return loadingFrames;
    }

    /** Which rule the timeline's day and night bands follow, in words (see {@link DaylightRule}). */
    public ReadOnlyStringProperty daylightRuleProperty() {
        return daylightRule;
    }

    public ReadOnlyStringProperty framesStatusProperty() {
        return framesStatus;
    }

    /** The index of the frame in the viewer; -1 while there is none. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<Optional<FrameDetail>> detailProperty() {
        return detail;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyObjectProperty<Optional<DefineSequenceViewModel>> definingProperty() {
        return defining;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }

    /** When the frame at {@code index} was taken, in the studio's zone, for the scrubber's label. */
    public String when(int index) {
        return index < 0 || index >= strip.size() ? "" : WHEN.format(strip.capturedAt(index).atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public void close() throws Exception {
        if (trackerSubscription != null) {
            trackerSubscription.close();
        }
        thumbnails.close();
    }

    /** For tests and benchmarks: the time of the frame at {@code index}. */
    Instant capturedAt(int index) {
        return strip.capturedAt(index);
    }
}
