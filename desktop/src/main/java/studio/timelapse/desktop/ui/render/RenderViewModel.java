package studio.timelapse.desktop.ui.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.PageCursor;
import studio.timelapse.desktop.library.Renders;
import studio.timelapse.desktop.render.RenderJob;
import studio.timelapse.desktop.render.RenderRequest;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.desktop.render.look.DeflickerPlan;
import studio.timelapse.desktop.render.look.DeflickerSettings;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceView;
import studio.timelapse.desktop.ui.common.DurationText;
import studio.timelapse.desktop.ui.common.Explainer;
import studio.timelapse.desktop.ui.common.FrameImage;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.desktop.ui.library.SequenceItem;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.JobState;
import studio.timelapse.shared.job.SubmitOptions;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The Render screen: a sequence and how to render it — a preset, size, rate, quality, encoder, every Nth frame,
 * deflicker (with its before and after curves, computed by the render's own deflicker plan), motion blur, the
 * capture-time and title overlays, and crop/pan/zoom keyframes edited on the frame — then a quick preview or the full
 * render, each a job; the finished renders with their settings, opened in the system's player.
 */
public final class RenderViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Read in pages, for the curves and the keyframes' frames. */
    private static final int PAGE = 5_000;

    private final Library library;
    private final SequenceCatalog catalog;
    private final JobRunner jobs;
    private final RenderJob renderJob;
    private final Path videos;
    private final UiWork work;
    private final Explainer explainer;
    private final Consumer<Path> player;
    private final ZoneId zone;
    private final Clock clock;

    private final ObservableList<SequenceItem> sequences = FXCollections.observableArrayList();
    private final ObjectProperty<SequenceItem> sequence = new SimpleObjectProperty<>(this, "sequence");
    private final ObjectProperty<RenderPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final StringProperty size = new SimpleStringProperty(this, "size", "1080p");
    private final StringProperty fps = new SimpleStringProperty(this, "fps", "25");
    private final IntegerProperty quality = new SimpleIntegerProperty(this, "quality", 70);
    private final BooleanProperty crop = new SimpleBooleanProperty(this, "crop");
    private final StringProperty encoder = new SimpleStringProperty(this, "encoder", "best");
    private final IntegerProperty every = new SimpleIntegerProperty(this, "every", 1);
    private final BooleanProperty deflicker = new SimpleBooleanProperty(this, "deflicker", true);
    private final IntegerProperty deflickerWindow = new SimpleIntegerProperty(this, "deflickerWindow",
            DeflickerSettings.DEFAULT_WINDOW);
    private final IntegerProperty blend = new SimpleIntegerProperty(this, "blend", 1);
    private final BooleanProperty showTime = new SimpleBooleanProperty(this, "showTime");
    private final StringProperty timeFormat = new SimpleStringProperty(this, "timeFormat", "yyyy-MM-dd HH:mm");
    private final ObjectProperty<Corner> timeCorner = new SimpleObjectProperty<>(this, "timeCorner",
            Corner.BOTTOM_RIGHT);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObservableList<KeyframeRow> keyframes = FXCollections.observableArrayList();
    private final ObjectProperty<KeyframeRow> selectedKeyframe = new SimpleObjectProperty<>(this, "selectedKeyframe");
    private final ObjectProperty<Optional<FrameImage>> keyframeImage = new SimpleObjectProperty<>(this,
            "keyframeImage", Optional.empty());
    private final ObjectProperty<Optional<DeflickerCurves>> curves = new SimpleObjectProperty<>(this, "curves",
            Optional.empty());
    private final ObservableList<RenderRow> renders = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<Long>> activeJob = new SimpleObjectProperty<>(this, "activeJob",
            Optional.empty());
    private final StringProperty activeText = new SimpleStringProperty(this, "activeText", "");
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());
    /** The chosen sequence's frames in order, for the curves and the keyframes. */
    private SequenceFrames frames = SequenceFrames.NONE;
    private boolean activeIsPreview;

    /** The frames of a sequence: ids and measured lumas (NaN where ingest has not measured). */
    private record SequenceFrames(long sequenceId, long[] ids, double[] lumas) {
        static final SequenceFrames NONE = new SequenceFrames(-1, new long[0], new double[0]);
    }

    public RenderViewModel(Library library, SequenceCatalog catalog, JobRunner jobs, RenderJob renderJob, Path videos,
            UiWork work, Explainer explainer, Consumer<Path> player, ZoneId zone, Clock clock) {
        this.library = library;
        this.catalog = catalog;
        this.jobs = jobs;
        this.renderJob = renderJob;
        this.videos = videos;
        this.work = work;
        this.explainer = explainer;
        this.player = player;
        this.zone = zone;
        this.clock = clock;
        sequence.addListener((o, before, now) -> readFrames(now));
        preset.addListener((o, before, now) -> {
            if (now != null) {
                size.set(now.size());
                fps.set(number(now.fps()));
                quality.set(now.quality());
                crop.set(now.crop());
            }
        });
        deflicker.addListener((o, b, n) -> computeCurves());
        deflickerWindow.addListener((o, b, n) -> computeCurves());
        every.addListener((o, b, n) -> computeCurves());
        selectedKeyframe.addListener((o, b, now) -> keyframeFrame());
        preset.set(RenderPreset.ALL.get(0));
    }

    /** Reads the sequences and the finished renders. */
    public void refresh() {
        work.query("Read the sequences and renders", () -> new Listing(catalog.list(), Renders.of(library).newest(50)
                .stream().map(this::row).toList()), listing -> {
                    List<SequenceItem> items = listing.sequences().stream().map(view -> new SequenceItem(view.id(),
                            view.sequence().name(), view.sequence().kind(), view.state().state(), 0)).toList();
                    if (!items.equals(sequences)) {
                        sequences.setAll(items);
                    }
                    if (sequence.get() == null && !items.isEmpty()) {
                        sequence.set(items.get(0));
                    }
                    if (!listing.renders().equals(renders)) {
                        renders.setAll(listing.renders());
                    }
                }, this::failed);
        followActive();
    }

    private record Listing(List<SequenceView> sequences, List<RenderRow> renders) {}

    private RenderRow row(Renders.FinishedRender render) {
        Optional<RenderRequest> request = render.jobId().flatMap(id -> {
            try {
                return jobs.job(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).flatMap(RenderJob::requestOf);
        String source = render.sequenceId().flatMap(catalog::find).map(view -> view.sequence().name())
                .orElse(request.map(RenderRequest::describeSource).orElse("a folder"));
        Path video = Path.of(render.outputPath());
        return new RenderRow(render.id(), source, request.map(RenderViewModel::words).orElse(""), render.encoder(),
                render.frames(), DurationText.of(Duration.between(render.createdAt(), render.finishedAt())),
                WHEN.format(render.finishedAt().atZone(zone)), video, request.map(RenderRequest::preview).orElse(false),
                Files.isRegularFile(video));
    }

    /** A render's settings in words. */
    static String words(RenderRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(request.preview() ? "preview 480p" : request.size());
        parts.add(number(request.fps()) + " fps");
        parts.add("quality " + request.quality());
        if (request.every() > 1) {
            parts.add("every " + request.every() + "th frame");
        }
        request.deflickerWindow().ifPresent(w -> parts.add("deflicker " + w));
        if (request.blendFrames() > 1) {
            parts.add("blend " + request.blendFrames());
        }
        if (!request.viewport().isEmpty()) {
            parts.add(request.viewport().size() + " keyframes");
        }
        request.timeFormat().ifPresent(f -> parts.add("time overlay"));
        request.title().ifPresent(t -> parts.add("title"));
        if (request.crop()) {
            parts.add("cropped to fill");
        }
        return String.join(", ", parts);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    // ---------------------------------------------------------------- the sequence's frames and curves

    private void readFrames(SequenceItem chosen) {
        frames = SequenceFrames.NONE;
        curves.set(Optional.empty());
        keyframeImage.set(Optional.empty());
        if (chosen == null) {
            return;
        }
        long sequenceId = chosen.id();
        work.query("Read the frames of " + chosen.name(), () -> framesOf(sequenceId), read -> {
            if (sequence.get() != null && sequence.get().id() == read.sequenceId()) {
                frames = read;
                computeCurves();
                keyframeFrame();
            }
        }, this::failed);
    }

    private SequenceFrames framesOf(long sequenceId) {
        Frames all = Frames.of(library);
        long[] ids = new long[1024];
        double[] lumas = new double[1024];
        int n = 0;
        Optional<PageCursor> after = Optional.empty();
        do {
            Page page = all.ofSequence(sequenceId, after, PAGE);
            for (Frame frame : page.frames()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                    lumas = Arrays.copyOf(lumas, n * 2);
                }
                ids[n] = frame.id();
                lumas[n] = frame.ingested().map(Frame.Ingested::meanLuma).orElse(Double.NaN);
                n++;
            }
            after = page.next();
        } while (after.isPresent());
        return new SequenceFrames(sequenceId, Arrays.copyOf(ids, n), Arrays.copyOf(lumas, n));
    }

    /** Deflicker's plan over the frames the render would take, as the render itself would make it. */
    private void computeCurves() {
        if (!deflicker.get() || frames.ids().length < 2) {
            curves.set(Optional.empty());
            return;
        }
        int step = Math.max(1, every.get());
        double[] taken = new double[(frames.lumas().length + step - 1) / step];
        for (int i = 0; i < taken.length; i++) {
            taken[i] = frames.lumas()[i * step];
        }
        int unmeasured = (int) Arrays.stream(taken).filter(Double::isNaN).count();
        if (unmeasured == taken.length) {
            curves.set(Optional.empty());
            return;
        }
        int window = Math.max(2, deflickerWindow.get());
        work.query("Plan deflicker", () -> DeflickerPlan.of(taken, DeflickerSettings.window(window)), plan ->
                curves.set(Optional.of(new DeflickerCurves(plan.before(), plan.after(),
                        DeflickerPlan.meanAbsoluteStep(plan.before()), DeflickerPlan.meanAbsoluteStep(plan.after()),
                        unmeasured))), this::failed);
    }

    // ---------------------------------------------------------------- keyframes

    /** Adds a keyframe: after the chosen one (copying its view), or at the start. */
    public void addKeyframe() {
        KeyframeRow from = selectedKeyframe.get();
        double time = keyframes.isEmpty() ? 0 : Math.min(1, (from == null ? 0 : from.timeProperty().get()) + 0.25);
        KeyframeRow row = from == null ? new KeyframeRow(time, 0.5, 0.5, 1)
                : new KeyframeRow(time, from.centreXProperty().get(), from.centreYProperty().get(),
                        from.zoomProperty().get());
        row.timeProperty().addListener((o, b, n) -> {
            if (row == selectedKeyframe.get()) {
                keyframeFrame();
            }
        });
        keyframes.add(row);
        keyframes.sort(java.util.Comparator.comparingDouble(k -> k.timeProperty().get()));
        selectedKeyframe.set(row);
    }

    public void removeKeyframe() {
        KeyframeRow chosen = selectedKeyframe.get();
        if (chosen != null) {
            keyframes.remove(chosen);
            selectedKeyframe.set(keyframes.isEmpty() ? null : keyframes.get(0));
        }
    }

    /** The frame the chosen keyframe falls on, to draw its view on. */
    private void keyframeFrame() {
        KeyframeRow chosen = selectedKeyframe.get();
        long[] ids = frames.ids();
        if (chosen == null || ids.length == 0) {
            keyframeImage.set(Optional.empty());
            return;
        }
        long frameId = ids[(int) Math.round(Math.max(0, Math.min(1, chosen.timeProperty().get())) * (ids.length - 1))];
        work.query("Read frame " + frameId, () -> {
            Frames all = Frames.of(library);
            return all.find(frameId).map(frame -> new FrameImage(frame.id(), all.thumbnail(frame.id())
                    .map(t -> t.jpeg()), library.folder().resolve(frame.path()), frame.capturedAt()));
        }, keyframeImage::set, this::failed);
    }

    // ---------------------------------------------------------------- rendering

    /** A quick look: 480p, at most {@value RenderRequest#PREVIEW_FRAMES} frames, opened in the player when done. */
    public void preview() {
        submit(true);
    }

    /** The full render, as a job; it appears among the renders when done. */
    public void render() {
        submit(false);
    }

    private void submit(boolean preview) {
        SequenceItem chosen = sequence.get();
        if (chosen == null) {
            problem.set(Optional.of(new Problem("Nothing to render", List.of("Choose a sequence first — a camera's"
                    + " stream, an import or one you defined in the Library"), Optional.empty())));
            return;
        }
        String name = chosen.name().replaceAll("[^A-Za-z0-9._ -]", "_").trim();
        Path output = (preview ? videos.resolve("previews") : videos).resolve(name + "-"
                + STAMP.format(clock.instant().atZone(zone)) + (preview ? "-preview" : "") + ".mp4");
        work.command(preview ? "studio:ui:preview" : "studio:ui:render", Map.of("sequence", chosen.id()),
                (preview ? "The preview of " : "The render of ") + chosen.name() + " did not start",
                () -> {
                    RenderRequest request = request(chosen.id(), preview, output);
                    // The core says whether the sequence can render (an archived or failed one cannot), with the
                    // reason and the remedy: nothing is queued in vain.
                    renderJob.refuseUnlessRenderable(request);
                    return jobs.submit(renderJob, request, SubmitOptions.defaults());
                }, job -> {
                    problem.set(Optional.empty());
                    activeIsPreview = preview;
                    activeJob.set(Optional.of(job.id()));
                    activeText.set((preview ? "Preview" : "Render") + " queued as job " + job.id());
                }, this::failed);
    }

    /** The request the fields describe; the request's own checks refuse what does not make sense. */
    RenderRequest request(long sequenceId, boolean preview, Path output) {
        double rate;
        try {
            rate = Double.parseDouble(fps.get().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.fps", "'" + fps.get()
                    + "' is not a number of frames per second", "choose for example 25 or 30"));
        }
        List<RenderRequest.ViewportStop> viewport = keyframes.stream().map(KeyframeRow::stop)
                .sorted(java.util.Comparator.comparingDouble(RenderRequest.ViewportStop::time)).toList();
        String chosenEncoder = encoder.get() == null ? "best" : encoder.get();
        String format = timeFormat.get() == null ? "" : timeFormat.get().trim();
        String heading = title.get() == null ? "" : title.get().trim();
        return new RenderRequest(Optional.of(sequenceId), Optional.empty(), Optional.empty(), Optional.empty(),
                Math.max(1, every.get()), size.get(), crop.get(), rate, quality.get(),
                chosenEncoder.equals("best") ? Optional.empty() : Optional.of(chosenEncoder),
                deflicker.get() ? Optional.of(deflickerWindow.get()) : Optional.empty(), Math.max(1, blend.get()),
                showTime.get() && !format.isEmpty() ? Optional.of(format) : Optional.empty(), timeCorner.get(),
                heading.isEmpty() ? Optional.empty() : Optional.of(heading), viewport, preview,
                output.toAbsolutePath().toString());
    }

    /** Follows the render or preview under way: the view calls this every second while it shows. */
    public void followActive() {
        Optional<Long> id = activeJob.get();
        if (id.isEmpty()) {
            return;
        }
        work.query("Read job " + id.get(), () -> jobs.job(id.get()), found -> found.ifPresent(this::show),
                this::failed);
    }

    private void show(Job job) {
        if (activeJob.get().filter(id -> id == job.id()).isEmpty()) {
            return;
        }
        String what = activeIsPreview ? "Preview" : "Render";
        if (!job.state().finished()) {
            activeText.set(what + " " + job.state().wire() + job.percent().map(p -> String.format(Locale.ROOT,
                    ", %.0f %%", p)).orElse("") + job.progressDone().map(d -> " (" + d + job.progressTotal()
                            .map(t -> " of " + t).orElse("") + " " + job.progressUnit().orElse("frames") + ")")
                            .orElse(""));
            return;
        }
        activeJob.set(Optional.empty());
        if (job.state() == JobState.SUCCEEDED) {
            activeText.set(what + " done.");
            boolean openIt = activeIsPreview;
            work.query("Read the renders", () -> Renders.of(library).newest(50).stream().map(this::row).toList(),
                    rows -> {
                        renders.setAll(rows);
                        RenderJob.requestOf(job).map(r -> Path.of(r.output())).filter(p -> openIt)
                                .ifPresent(player);
                    }, this::failed);
        } else {
            activeText.set("");
            problem.set(Optional.of(new Problem(what + " " + job.state().wire(),
                    List.of(job.lastError().orElse("no reason given")), job.taskUuid())));
        }
    }

    /** Cancels the render or preview under way. */
    public void cancelActive() {
        activeJob.get().ifPresent(id -> work.command("studio:ui:cancel_render", Map.of("job_id", id),
                "Could not cancel job " + id, () -> jobs.cancel(id, "pressed cancel on the Render screen"),
                job -> followActive(), this::failed));
    }

    /** Opens a finished video in the system's player. */
    public void open(RenderRow row) {
        player.accept(row.video());
    }

    public void explain(Problem shown) {
        shown.taskUuid().ifPresent(explainer::explain);
    }

    public void dismissProblem() {
        problem.set(Optional.empty());
    }

    private void failed(Problem failure) {
        problem.set(Optional.of(failure));
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<SequenceItem> sequences() {
        return sequences;
    }

    public ObjectProperty<SequenceItem> sequenceProperty() {
        return sequence;
    }

    public List<RenderPreset> presets() {
        return RenderPreset.ALL;
    }

    public ObjectProperty<RenderPreset> presetProperty() {
        return preset;
    }

    public List<String> sizes() {
        return List.of("480p", "720p", "1080p", "1440p", "2160p", "original");
    }

    public List<String> encoders() {
        return List.of("best", "x264", "jcodec");
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty fpsProperty() {
        return fps;
    }

    public IntegerProperty qualityProperty() {
        return quality;
    }

    public BooleanProperty cropProperty() {
        return crop;
    }

    public StringProperty encoderProperty() {
        return encoder;
    }

    public IntegerProperty everyProperty() {
        return every;
    }

    public BooleanProperty deflickerProperty() {
        return deflicker;
    }

    public IntegerProperty deflickerWindowProperty() {
        return deflickerWindow;
    }

    public IntegerProperty blendProperty() {
        return blend;
    }

    public BooleanProperty showTimeProperty() {
        return showTime;
    }

    public StringProperty timeFormatProperty() {
        return timeFormat;
    }

    public ObjectProperty<Corner> timeCornerProperty() {
        return timeCorner;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObservableList<KeyframeRow> keyframes() {
        return keyframes;
    }

    public ObjectProperty<KeyframeRow> selectedKeyframeProperty() {
        return selectedKeyframe;
    }

    /** The frame under the chosen keyframe. */
    public ReadOnlyObjectProperty<Optional<FrameImage>> keyframeImageProperty() {
        return keyframeImage;
    }

    public ReadOnlyObjectProperty<Optional<DeflickerCurves>> curvesProperty() {
        return curves;
    }

    public ObservableList<RenderRow> renders() {
        return renders;
    }

    public ReadOnlyObjectProperty<Optional<Long>> activeJobProperty() {
        return activeJob;
    }

    public ReadOnlyStringProperty activeTextProperty() {
        return activeText;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }
}
