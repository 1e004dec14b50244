package studio.timelapse.desktop.ui.cameras;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.timelapse.desktop.cameras.CameraDirectory;
import studio.timelapse.desktop.cameras.CameraMachine;
import studio.timelapse.desktop.cameras.CameraServices;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.cameras.CameraView;
import studio.timelapse.desktop.cameras.CameraWatch;
import studio.timelapse.desktop.cameras.IntervalRefusals;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.desktop.demo.DemoAgent;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.sync.SyncScheduler;
import studio.timelapse.desktop.ui.common.ByteText;
import studio.timelapse.desktop.ui.common.CommandState;
import studio.timelapse.desktop.ui.common.Explainer;
import studio.timelapse.desktop.ui.common.FrameImage;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.Refresher;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureAvailability;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.EntityState;

/**
 * The Cameras screen: every camera the library knows (discovered, added by address, paired) with its live state,
 * its newest frame, free space and frames waiting to sync, and what can be done with it now. Whether a capture button
 * works comes from the studio's camera machine ({@code explain(control)}: paired? reachable?) and then from the
 * camera's own capture machine ({@code GET /capture/available}); a disabled button carries their reasons and
 * remedies. The watch over the cameras' event streams keeps states live.
 */
public final class CamerasViewModel implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final Duration DEMO_START = Duration.ofSeconds(90);
    /** A whole day of the synthetic sky every two minutes, so a new user sees dawn, day and dusk go by. */
    private static final Duration DEMO_DAY = Duration.ofMinutes(2);
    private static final Set<CameraState> ONLINE_STATES = EnumSet.of(CameraState.ONLINE, CameraState.CAPTURING,
            CameraState.PAUSED);

    private final CameraServices cameras;
    private final Library library;
    private final SyncScheduler sync;
    private final Path demoCameraHome;
    private DemoAgent demo;
    private final String studioName;
    private final ZoneId zone;
    private final UiWork work;
    private final Explainer explainer;

    /** Its listeners hear a row's state change too (the screen's "2 cameras, 1 capturing" follows it). */
    private final ObservableList<CameraRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.stateProperty()});
    private final ObservableList<CameraRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<CameraRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<CaptureCommand, CommandState> capture = new EnumMap<>(CaptureCommand.class);
    private final CommandState pair = new CommandState();
    private final CommandState unpair = new CommandState();
    private final CommandState settings = new CommandState();
    private final CommandState syncNow = new CommandState();
    private final BooleanProperty noCameras = new SimpleBooleanProperty(this, "noCameras");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty busyText = new SimpleStringProperty(this, "busyText", "");
    private final BooleanProperty livePreview = new SimpleBooleanProperty(this, "livePreview");
    private final ObjectProperty<Optional<byte[]>> preview = new SimpleObjectProperty<>(this, "preview",
            Optional.empty());
    private final StringProperty previewText = new SimpleStringProperty(this, "previewText", "");
    private final ObjectProperty<Optional<PairingViewModel>> pairing = new SimpleObjectProperty<>(this, "pairing",
            Optional.empty());
    private final ObjectProperty<Optional<CameraSettingsViewModel>> editing = new SimpleObjectProperty<>(this,
            "editing", Optional.empty());
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());
    private final Map<String, CameraRow> rowsById = new HashMap<>();
    private final Refresher<Snapshot> refresher;
    private final AtomicBoolean previewing = new AtomicBoolean();
    private final CameraWatch.Listener watchListener = new CameraWatch.Listener() {
        @Override
        public void onStateChanged(String cameraId, CameraState state, String why) {
            refresh();
        }

        @Override
        public void onFrameCaptured(String cameraId, FrameInfo frame) {
            String when = TIME.format(frame.capturedAt().atZone(zone));
            work.onUi(() -> {
                CameraRow row = rowsById.get(cameraId);
                if (row != null) {
                    row.lastCapture(when);
                }
            });
        }
    };
    private boolean started;

    public CamerasViewModel(CameraServices cameras, Library library, SyncScheduler sync, Path demoCameraHome,
            String studioName, ZoneId zone, UiWork work, Explainer explainer) {
        this.cameras = cameras;
        this.library = library;
        this.sync = sync;
        this.demoCameraHome = demoCameraHome;
        this.studioName = studioName;
        this.zone = zone;
        this.work = work;
        this.explainer = explainer;
        this.refresher = new Refresher<>(work, "Read the cameras", this::snapshot, this::apply,
                failure -> problem.set(Optional.of(failure)));
        for (CaptureCommand command : CaptureCommand.values()) {
            capture.put(command, new CommandState());
        }
        noControls("Choose a camera.");
        selected.addListener((observable, before, now) -> {
            preview.set(Optional.empty());
            previewText.set("");
            refreshControls();
        });
    }

    /** Follows the cameras' events and reads the list. */
    public void start() {
        if (!started) {
            started = true;
            cameras.watch().addListener(watchListener);
        }
        refresh();
    }

    // ---------------------------------------------------------------- the list

    /** One refresh's reading, off the UI thread. */
    private record Snapshot(List<CameraView> views, Map<String, AgentStatus> statuses,
            Map<String, Optional<FrameImage>> lastFrames) {}

    /** Reads the cameras, the status of each one that answered last time, and each one's newest frame. */
    public void refresh() {
        refresher.request();
    }


    private Snapshot snapshot() {
        List<CameraView> views = cameras.directory().all();
        Map<String, AgentStatus> statuses = new LinkedHashMap<>();
        Map<String, Optional<FrameImage>> lastFrames = new LinkedHashMap<>();
        Frames frames = Frames.of(library);
        for (CameraView view : views) {
            // An offline camera is not asked on every refresh: its event stream tells when it is back.
            if (CameraState.REACHED.contains(view.state()) || view.state() == CameraState.PAIRED) {
                try {
                    statuses.put(view.camera().id(), cameras.control().status(view.camera().id()));
                } catch (IOException | RuntimeException unreachable) {
                    // The control moved it to offline (or says why not); the list shows the state it is in now.
                }
            }
            lastFrames.put(view.camera().id(), frames.syncCursor(view.camera().id())
                    .flatMap(cursor -> frames.findCameraFrame(view.camera().id(), cursor))
                    .map(frame -> frameImage(frames, frame)));
        }
        return new Snapshot(cameras.directory().all(), statuses, lastFrames);
    }

    private FrameImage frameImage(Frames frames, Frame frame) {
        return new FrameImage(frame.id(), frames.thumbnail(frame.id()).map(t -> t.jpeg()),
                library.folder().resolve(frame.path()), frame.capturedAt());
    }

    private void apply(Snapshot snapshot) {
        List<CameraRow> listed = new ArrayList<>();
        for (CameraView view : snapshot.views()) {
            Camera camera = view.camera();
            CameraRow row = rowsById.computeIfAbsent(camera.id(), CameraRow::new);
            row.apply(new CameraRow.Facts(camera.name(), view.state(), stateText(view),
                    camera.host() + ":" + camera.port(), camera.paired(), view.fingerprintShort().orElse("")));
            Optional.ofNullable(snapshot.statuses().get(camera.id())).ifPresent(status -> row.apply(status(status)));
            row.lastFrame(snapshot.lastFrames().getOrDefault(camera.id(), Optional.empty()));
            listed.add(row);
        }
        rowsById.keySet().retainAll(listed.stream().map(CameraRow::id).toList());
        if (!listed.equals(rows)) {
            rows.setAll(listed);
        }
        noCameras.set(listed.isEmpty());
        if (selected.get() != null && !rowsById.containsKey(selected.get().id())) {
            selected.set(null);
        } else if (selected.get() == null && !listed.isEmpty()) {
            selected.set(listed.get(0));
        } else {
            refreshControls();
        }
    }

    private String stateText(CameraView view) {
        String since = TIME.format(view.since().atZone(zone));
        return view.state().words() + " since " + since + view.why().map(why -> " — " + why).orElse("");
    }

    private static CameraRow.Status status(AgentStatus status) {
        return new CameraRow.Status(ByteText.of(status.freeBytes()) + " free", status.framesUnsynced() + " waiting",
                status.framesCaptured() + " on the camera",
                status.temperatureCelsius().map(t -> String.format(Locale.ROOT, "%.0f °C", t)).orElse(""),
                status.lastError().map(e -> e.reason()).orElse(""),
                status.lastError().flatMap(e -> e.taskUuid()));
    }

    // ---------------------------------------------------------------- what can be done with the chosen camera

    /** What the buttons of the chosen camera may do now, and why not, asked of the studio and of the camera. */
    public void refreshControls() {
        CameraRow row = selected.get();
        if (row == null) {
            noControls("Choose a camera.");
            return;
        }
        String cameraId = row.id();
        work.query("Ask camera " + cameraId + " what it can do", () -> controls(cameraId), found -> {
            if (selected.get() != null && selected.get().id().equals(cameraId)) {
                found.apply(this);
            }
        }, failure -> noControls(failure.oneLine()));
    }

    /** The answers for one camera's buttons, read off the UI thread. */
    private record Controls(List<String> studioAvailable, Map<String, List<Refusal>> studioRefusals,
            Optional<CaptureAvailability> cameraAnswer, String unreachable) {

        void apply(CamerasViewModel model) {
            set(model.pair, CameraMachine.PAIR);
            set(model.unpair, CameraMachine.UNPAIR);
            boolean control = studioAvailable.contains(CameraMachine.CONTROL);
            for (Map.Entry<CaptureCommand, CommandState> entry : model.capture.entrySet()) {
                String wire = entry.getKey().wireName();
                if (cameraAnswer.isEmpty()) {
                    List<Refusal> studio = studioRefusals.getOrDefault(CameraMachine.CONTROL, List.of());
                    entry.getValue().refuse(studio.isEmpty() ? unreachable
                            : String.join("\n", studio.stream().map(Refusal::describe).toList()));
                } else if (cameraAnswer.get().available().contains(wire)) {
                    entry.getValue().allow();
                } else {
                    entry.getValue().refuse(cameraReasons(cameraAnswer.get(), wire));
                }
            }
            if (cameraAnswer.isPresent() || control) {
                model.settings.allow();
                model.syncNow.allow();
            } else {
                List<Refusal> studio = studioRefusals.getOrDefault(CameraMachine.CONTROL, List.of());
                String why = studio.isEmpty() ? unreachable
                        : String.join("\n", studio.stream().map(Refusal::describe).toList());
                model.settings.refuse(why);
                model.syncNow.refuse(why);
            }
        }

        private void set(CommandState state, String transition) {
            if (studioAvailable.contains(transition)) {
                state.allow();
            } else {
                state.refuse(studioRefusals.getOrDefault(transition, List.of()));
            }
        }

        /** The camera's own refusals of {@code wire}, each with its remedy, as its capture machine explains them. */
        private static String cameraReasons(CaptureAvailability answer, String wire) {
            List<String> reasons = new ArrayList<>();
            for (Map<String, Object> refusal : answer.refused().getOrDefault(wire, List.of())) {
                Object reason = refusal.get("reason");
                Object remedy = refusal.get("remedy");
                reasons.add(remedy == null ? String.valueOf(reason) : reason + " — " + remedy);
            }
            return reasons.isEmpty() ? "The camera does not offer " + wire + " now." : String.join("\n", reasons);
        }
    }

    private Controls controls(String cameraId) {
        Camera camera = cameras.directory().camera(cameraId);
        List<String> available = cameras.states().available(camera);
        Map<String, List<Refusal>> refusals = new HashMap<>();
        for (String transition : List.of(CameraMachine.PAIR, CameraMachine.UNPAIR, CameraMachine.CONTROL)) {
            if (!available.contains(transition)) {
                refusals.put(transition, cameras.states().explain(camera, transition));
            }
        }
        if (!camera.paired()) {
            return new Controls(available, refusals, Optional.empty(), "Camera '" + camera.name()
                    + "' is not paired with this studio — pair it first");
        }
        try {
            return new Controls(available, refusals, Optional.of(cameras.control().available(cameraId)), "");
        } catch (IOException | RuntimeException e) {
            // Asking may have moved it to offline: explain with what the studio knows now.
            Map<String, List<Refusal>> now = new HashMap<>(refusals);
            now.put(CameraMachine.CONTROL, cameras.states().explain(camera, CameraMachine.CONTROL));
            return new Controls(cameras.states().available(camera), now, Optional.empty(),
                    Problem.of("Camera '" + camera.name() + "' did not answer", e, Optional.empty()).oneLine());
        }
    }

    private void noControls(String why) {
        capture.values().forEach(state -> state.refuse(why));
        pair.refuse(why);
        unpair.refuse(why);
        settings.refuse(why);
        syncNow.refuse(why);
    }

    // ---------------------------------------------------------------- commands

    /** Sends a capture command to the chosen camera. */
    public void send(CaptureCommand command) {
        CameraRow row = selected.get();
        if (row == null) {
            return;
        }
        work.command("studio:ui:capture_command", Map.of("camera", row.id(), "command", command.wireName()),
                "Camera '" + row.nameProperty().get() + "' did not " + words(command),
                () -> cameras.control().command(row.id(), command), status -> done(), this::failed);
    }

    private static String words(CaptureCommand command) {
        return switch (command) {
            case START -> "start capturing";
            case STOP -> "stop capturing";
            case PAUSE -> "pause";
            case RESUME -> "resume";
            case NOW -> "take a frame";
        };
    }

    /** Asks for a sync of the chosen camera now. */
    public void syncNow() {
        CameraRow row = selected.get();
        if (row != null) {
            work.command("studio:ui:sync_now", Map.of("camera", row.id()), "Could not sync " + row.nameProperty().get(),
                    () -> sync.request(row.id()), job -> done(), this::failed);
        }
    }

    /** Unpairs the chosen camera: it forgets this studio, and the studio its pinned certificate. */
    public void unpair() {
        CameraRow row = selected.get();
        if (row != null) {
            work.command("studio:ui:unpair", Map.of("camera", row.id()), "Could not unpair " + row.nameProperty().get(),
                    () -> cameras.pairing().unpair(row.id()), unpaired -> {
                        cameras.watch().refresh();
                        done();
                    }, this::failed);
        }
    }

    /** Opens the pairing dialog for the chosen camera. */
    public void pairSelected() {
        CameraRow row = selected.get();
        if (row != null) {
            pairing.set(Optional.of(newPairing(row.id(), row.nameProperty().get(),
                    row.fingerprintProperty().get().isEmpty() ? Optional.empty()
                            : Optional.of(row.fingerprintProperty().get()))));
        }
    }

    /**
     * Adds the camera answering at {@code address} ({@code host} or {@code host:port}) and opens the pairing dialog
     * with the certificate it presented.
     */
    public void addByAddress(String address, String name) {
        work.command("studio:ui:add_camera", Map.of("address", address), "Could not add the camera at " + address,
                () -> cameras.directory().add(AgentAddress.parse(address.trim()), Optional.of(name.trim())
                        .filter(n -> !n.isEmpty())), added -> {
                    done();
                    selectWhenListed(added.camera().camera().id());
                    pairing.set(Optional.of(newPairing(added.camera().camera().id(), added.camera().camera().name(),
                            Optional.of(added.presented().shortForm()))));
                }, this::failed);
    }

    private PairingViewModel newPairing(String cameraId, String name, Optional<String> presented) {
        return new PairingViewModel(cameras.pairing(), cameraId, name, presented, studioName, work, paired -> {
            cameras.watch().refresh();
            sync.request(cameraId);
            refresh();
        });
    }

    public void closePairing() {
        pairing.set(Optional.empty());
    }

    /** Opens the settings editor of the chosen camera, with the configuration it has now. */
    public void editSettings() {
        CameraRow row = selected.get();
        if (row != null) {
            CameraSettingsViewModel editor = new CameraSettingsViewModel(cameras.control(), row.id(),
                    row.nameProperty().get(), work);
            editor.load();
            editing.set(Optional.of(editor));
        }
    }

    public void closeSettings() {
        editing.set(Optional.empty());
    }

    /**
     * Starts the demo camera, pairs it through the real handshake (its console's code and fingerprint) and starts
     * its capture: a new user sees frames arrive within a minute, without hardware.
     */
    public void startDemo() {
        busy.set(true);
        busyText.set("Starting the demo camera…");
        work.command("studio:ui:start_demo_camera", Map.of("home", demoCameraHome.toString()),
                "The demo camera did not start", this::demoCamera, cameraId -> {
                    busy.set(false);
                    busyText.set("");
                    done();
                    selectWhenListed(cameraId);
                }, failure -> {
                    busy.set(false);
                    busyText.set("");
                    failed(failure);
                });
    }

    private String demoCamera() throws IOException, InterruptedException {
        DemoAgent agent = runningDemoCamera();
        CameraDirectory.Added added = cameras.directory().add(agent.address(), Optional.of("Demo camera"));
        Camera camera = added.camera().camera();
        if (cameras.states().available(camera).contains(CameraMachine.PAIR)) {
            DemoAgent.PairingWindow code = agent.openPairing();
            cameras.pairing().pair(camera.id(), code.code(), Optional.of(code.fingerprintShort()), studioName);
        }
        awaitOnline(camera.id());
        startCapturing(camera.id());
        sync.request(camera.id());
        return camera.id();
    }

    /**
     * Starts (or resumes) the demo camera's capture. A loaded machine renders the synthetic sky more slowly than the
     * default interval allows, and the camera then refuses to start, naming the least interval it can keep: the demo
     * takes that interval, with some room, rather than show nothing. Any other refusal is the problem shown.
     */
    private void startCapturing(String cameraId) throws IOException {
        CaptureAvailability available = cameras.control().available(cameraId);
        Optional<Long> leastMillis = IntervalRefusals.leastIntervalMillis(refusals(available, CaptureCommand.START));
        if (leastMillis.isPresent()) {
            CaptureConfig config = cameras.control().settings(cameraId);
            double seconds = Math.ceil(leastMillis.get() * 1.5 / 1000.0);
            cameras.control().changeSettings(cameraId, new CaptureConfig(config.backend(), config.frame(),
                    ScheduleConfig.every(seconds), config.location(), config.ramp()));
            available = cameras.control().available(cameraId);
        }
        for (CaptureCommand command : List.of(CaptureCommand.START, CaptureCommand.RESUME)) {
            if (available.available().contains(command.wireName())) {
                cameras.control().command(cameraId, command);
                return;
            }
        }
        if (!available.available().contains(CaptureCommand.STOP.wireName())) {
            throw new IOException("the demo camera does not start: " + refusals(available, CaptureCommand.START)
                    .stream().map(refusal -> String.valueOf(refusal.get("reason"))).toList());
        }
    }

    private static List<Map<String, Object>> refusals(CaptureAvailability available, CaptureCommand command) {
        return available.refused().getOrDefault(command.wireName(), List.of());
    }

    /**
     * Waits until the watch has connected to the newly paired camera and found it online: until then the camera's
     * state machine offers no capture command, and asking at once would find nothing to start.
     */
    private void awaitOnline(String cameraId) throws IOException, InterruptedException {
        CompletableFuture<CameraState> online = new CompletableFuture<>();
        CameraWatch.Listener listener = new CameraWatch.Listener() {
            @Override
            public void onStateChanged(String changed, CameraState state, String why) {
                if (changed.equals(cameraId) && ONLINE_STATES.contains(state)) {
                    online.complete(state);
                }
            }
        };
        cameras.watch().addListener(listener);
        try {
            cameras.watch().refresh();
            long deadline = System.nanoTime() + DEMO_START.toNanos();
            while (!online.isDone()) {
                // The listener answers at once; the state is looked at too, in case it changed before listening.
                cameras.states().current(cameraId).map(EntityState::state).filter(ONLINE_STATES::contains)
                        .ifPresent(online::complete);
                if (System.nanoTime() > deadline) {
                    throw new IOException("the demo camera was paired but did not come online within "
                            + DEMO_START.toSeconds() + " s: it is " + cameras.states().current(cameraId)
                            .map(state -> state.state().name().toLowerCase(Locale.ROOT)).orElse("unknown")
                            + cameras.states().why(cameraId).map(why -> " (" + why + ")").orElse(""));
                }
                try {
                    online.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // look again
                }
            }
        } finally {
            cameras.watch().removeListener(listener);
        }
    }

    /** The demo camera this window started, started now if it is not running (a second press reuses it). */
    private synchronized DemoAgent runningDemoCamera() throws IOException, InterruptedException {
        if (demo == null || !demo.running()) {
            if (demo != null) {
                demo.close();
            }
            demo = DemoAgent.start(demoCameraHome, DEMO_DAY, DEMO_START);
        }
        return demo;
    }

    /** Whether the demo camera this window started runs now. */
    public synchronized boolean demoCameraRunning() {
        return demo != null && demo.running();
    }

    private void selectWhenListed(String cameraId) {
        CameraRow row = rowsById.get(cameraId);
        if (row != null) {
            selected.set(row);
        }
    }

    /** Takes a preview if live preview is on: the view calls this every couple of seconds while it shows. */
    public void previewTick() {
        CameraRow row = selected.get();
        if (!livePreview.get() || row == null || !row.pairedProperty().get() || !previewing.compareAndSet(false, true)) {
            return;
        }
        String cameraId = row.id();
        work.query("Preview of camera " + cameraId, () -> cameras.control().preview(cameraId), jpeg -> {
            previewing.set(false);
            if (selected.get() != null && selected.get().id().equals(cameraId)) {
                preview.set(Optional.of(jpeg));
                previewText.set("Live preview, " + TIME.format(Instant.now().atZone(zone)));
            }
        }, failure -> {
            previewing.set(false);
            previewText.set(failure.oneLine());
        });
    }

    /** Explains a camera's last error: its task in the camera's log. */
    public void explainLastError(CameraRow row) {
        row.lastErrorTaskProperty().get().ifPresent(explainer::explain);
    }

    public void explain(Problem shown) {
        shown.taskUuid().ifPresent(explainer::explain);
    }

    public void dismissProblem() {
        problem.set(Optional.empty());
    }

    private void done() {
        problem.set(Optional.empty());
        refresh();
    }

    private void failed(Problem failure) {
        problem.set(Optional.of(failure));
        refresh();
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<CameraRow> cameras() {
        return rowsView;
    }

    public ObjectProperty<CameraRow> selectedProperty() {
        return selected;
    }

    public CommandState capture(CaptureCommand command) {
        return capture.get(command);
    }

    public CommandState pairCommand() {
        return pair;
    }

    public CommandState unpairCommand() {
        return unpair;
    }

    public CommandState settingsCommand() {
        return settings;
    }

    public CommandState syncCommand() {
        return syncNow;
    }

    /** True while the library has no camera: the screen offers to add one or to start the demo camera. */
    public ReadOnlyBooleanProperty noCamerasProperty() {
        return noCameras;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText;
    }

    public BooleanProperty livePreviewProperty() {
        return livePreview;
    }

    /** The latest preview, a JPEG. */
    public ReadOnlyObjectProperty<Optional<byte[]>> previewProperty() {
        return preview;
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText;
    }

    /** The open pairing dialog, if any. */
    public ReadOnlyObjectProperty<Optional<PairingViewModel>> pairingProperty() {
        return pairing;
    }

    /** The open settings editor, if any. */
    public ReadOnlyObjectProperty<Optional<CameraSettingsViewModel>> editingProperty() {
        return editing;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }

    @Override
    public void close() {
        if (started) {
            cameras.watch().removeListener(watchListener);
        }
        synchronized (this) {
            if (demo != null) {
                demo.close();
            }
        }
    }
}
