package studio.timelapse.desktop.ui.cameras;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import studio.timelapse.desktop.cameras.RemoteControl;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The settings editor of one camera: the fields of its capture configuration a person changes most (backend,
 * interval, frame size, JPEG quality, exposure, a frame limit); the rest of the configuration (windows, location,
 * ramp) is kept as it is. Every mistake is shown at once next to its field: what cannot be read as a number here, then
 * {@link CaptureConfig#problems()}, then whatever the camera itself refuses (each refusal naming its field).
 */
public final class CameraSettingsViewModel {
    /** Field names, as {@link CaptureConfig#problems()} and the camera's refusals name them. */
    public static final String BACKEND = "backend";
    public static final String INTERVAL = "schedule.intervalSeconds";
    public static final String SIZE = "frame.size";
    public static final String QUALITY = "frame.jpegQuality";
    public static final String SHUTTER = "frame.shutterSeconds";
    public static final String GAIN = "frame.gain";
    public static final String MAX_FRAMES = "schedule.maxFrames";

    private final RemoteControl control;
    private final String cameraId;
    private final String cameraName;
    private final UiWork work;
    private final StringProperty backend = new SimpleStringProperty(this, "backend", "");
    private final StringProperty interval = new SimpleStringProperty(this, "interval", "");
    private final StringProperty width = new SimpleStringProperty(this, "width", "");
    private final StringProperty height = new SimpleStringProperty(this, "height", "");
    private final StringProperty quality = new SimpleStringProperty(this, "quality", "");
    private final StringProperty shutter = new SimpleStringProperty(this, "shutter", "");
    private final StringProperty gain = new SimpleStringProperty(this, "gain", "");
    private final StringProperty maxFrames = new SimpleStringProperty(this, "maxFrames", "");
    private final ObservableMap<String, String> errors = FXCollections.observableMap(new TreeMap<>());
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty saved = new SimpleBooleanProperty(this, "saved");
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());
    private CaptureConfig current;

    CameraSettingsViewModel(RemoteControl control, String cameraId, String cameraName, UiWork work) {
        this.control = control;
        this.cameraId = cameraId;
        this.cameraName = cameraName;
        this.work = work;
    }

    public String cameraName() {
        return cameraName;
    }

    /** The backends a camera can have. */
    public List<String> backends() {
        return CaptureConfig.BACKENDS.stream().sorted().toList();
    }

    /** Reads the configuration in force on the camera. */
    public void load() {
        busy.set(true);
        work.query("Read the settings of camera " + cameraName, () -> control.settings(cameraId), config -> {
            busy.set(false);
            show(config);
            loaded.set(true);
        }, failure -> {
            busy.set(false);
            problem.set(Optional.of(failure));
        });
    }

    private void show(CaptureConfig config) {
        current = config;
        backend.set(config.backend());
        interval.set(number(config.schedule().intervalSeconds()));
        width.set(config.frame().width() == 0 ? "" : String.valueOf(config.frame().width()));
        height.set(config.frame().height() == 0 ? "" : String.valueOf(config.frame().height()));
        quality.set(String.valueOf(config.frame().jpegQuality()));
        shutter.set(config.frame().shutterSeconds().map(CameraSettingsViewModel::number).orElse(""));
        gain.set(config.frame().gain().map(CameraSettingsViewModel::number).orElse(""));
        maxFrames.set(config.schedule().maxFrames().map(String::valueOf).orElse(""));
        errors.clear();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Checks every field and, when all is well, sends the configuration to the camera. */
    public void save() {
        errors.clear();
        saved.set(false);
        Optional<CaptureConfig> edited = edited();
        if (edited.isEmpty()) {
            return;
        }
        List<Refusal> problems = edited.get().problems();
        if (!problems.isEmpty()) {
            show(problems);
            return;
        }
        busy.set(true);
        work.command("studio:ui:change_settings", Map.of("camera", cameraId),
                "Camera '" + cameraName + "' did not take the settings", () -> control.changeSettings(cameraId,
                        edited.get()), config -> {
                    busy.set(false);
                    show(config);
                    saved.set(true);
                    problem.set(Optional.empty());
                }, failure -> {
                    busy.set(false);
                    // The camera's own refusals (400, each naming its field) land next to their fields too.
                    show(failure.refusals());
                    problem.set(Optional.of(failure));
                });
    }

    private void show(List<Refusal> refusals) {
        for (Refusal refusal : refusals) {
            Object field = refusal.details().get("field");
            String key = field == null ? "" : fieldOf(field.toString());
            errors.merge(key, refusal.describe(), (a, b) -> a + "\n" + b);
        }
    }

    /** Frame width and height are one field on screen. */
    private static String fieldOf(String field) {
        return field.equals("frame.width") || field.equals("frame.height") ? SIZE : field;
    }

    /** The configuration the fields describe, or empty with every field that is not a number marked. */
    private Optional<CaptureConfig> edited() {
        if (current == null) {
            return Optional.empty();
        }
        Optional<Double> seconds = decimal(INTERVAL, interval.get(), false);
        Optional<Integer> w = whole(SIZE, width.get());
        Optional<Integer> h = whole(SIZE, height.get());
        Optional<Integer> q = whole(QUALITY, quality.get());
        Optional<Double> s = decimal(SHUTTER, shutter.get(), true);
        Optional<Double> g = decimal(GAIN, gain.get(), true);
        Optional<Integer> limit = whole(MAX_FRAMES, maxFrames.get());
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        FrameSettings frame;
        try {
            frame = new FrameSettings(w.orElse(0), h.orElse(0), q.orElse(current.frame().jpegQuality()), s, g,
                    current.frame().whiteBalanceKelvin(), current.frame().hdr());
        } catch (IllegalArgumentException wrong) {
            errors.put(fieldOfFrameMistake(wrong.getMessage()), wrong.getMessage());
            return Optional.empty();
        }
        ScheduleConfig was = current.schedule();
        ScheduleConfig schedule = new ScheduleConfig(seconds.orElse(was.intervalSeconds()), was.start(), was.stop(),
                was.dailyFrom(), was.dailyTo(), was.sun(), limit.map(Integer::longValue), was.maxHours());
        return Optional.of(new CaptureConfig(backend.get() == null ? "" : backend.get().trim(), frame, schedule,
                current.location(), current.ramp()));
    }

    /** Which field a {@link FrameSettings} message is about, by the words it uses. */
    private static String fieldOfFrameMistake(String message) {
        String words = message.toLowerCase(Locale.ROOT);
        if (words.contains("quality")) {
            return QUALITY;
        }
        if (words.contains("shutter")) {
            return SHUTTER;
        }
        if (words.contains("gain")) {
            return GAIN;
        }
        return SIZE;
    }

    private Optional<Double> decimal(String field, String text, boolean optional) {
        String value = text == null ? "" : text.trim().replace(',', '.');
        if (value.isEmpty()) {
            if (!optional) {
                errors.put(field, "Give a number of seconds");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            errors.put(field, "'" + text.trim() + "' is not a number");
            return Optional.empty();
        }
    }

    private Optional<Integer> whole(String field, String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            errors.merge(field, "'" + value + "' is not a whole number", (a, b) -> a);
            return Optional.empty();
        }
    }

    public StringProperty backendProperty() {
        return backend;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public StringProperty widthProperty() {
        return width;
    }

    public StringProperty heightProperty() {
        return height;
    }

    public StringProperty qualityProperty() {
        return quality;
    }

    /** Empty for automatic exposure. */
    public StringProperty shutterProperty() {
        return shutter;
    }

    public StringProperty gainProperty() {
        return gain;
    }

    /** Empty for no limit. */
    public StringProperty maxFramesProperty() {
        return maxFrames;
    }

    /** Each field's mistakes (field names as above; "" for mistakes about no one field). */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty savedProperty() {
        return saved;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }

    /** Unused fields of the configuration stay as they are; this lists which, for the editor's footnote. */
    public List<String> keptAsTheyAre() {
        List<String> kept = new ArrayList<>();
        if (current != null) {
            current.schedule().start().ifPresent(s -> kept.add("start time"));
            current.schedule().stop().ifPresent(s -> kept.add("stop time"));
            current.schedule().dailyFrom().ifPresent(s -> kept.add("daily hours"));
            current.schedule().sun().ifPresent(s -> kept.add("sun window"));
            current.location().ifPresent(s -> kept.add("location"));
            current.ramp().ifPresent(s -> kept.add("exposure ramp"));
        }
        return kept;
    }
}
