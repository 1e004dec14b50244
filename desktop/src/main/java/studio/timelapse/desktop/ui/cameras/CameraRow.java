package studio.timelapse.desktop.ui.cameras;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.desktop.ui.common.FrameImage;

/** One camera on the Cameras screen; the object stays while the camera is listed, its properties follow it. */
public final class CameraRow {
    private final String id;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<CameraState> state = new SimpleObjectProperty<>(this, "state");
    private final StringProperty stateText = new SimpleStringProperty(this, "stateText", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final BooleanProperty paired = new SimpleBooleanProperty(this, "paired");
    private final StringProperty fingerprint = new SimpleStringProperty(this, "fingerprint", "");
    private final StringProperty freeSpace = new SimpleStringProperty(this, "freeSpace", "—");
    private final StringProperty waiting = new SimpleStringProperty(this, "waiting", "—");
    private final StringProperty captured = new SimpleStringProperty(this, "captured", "—");
    private final StringProperty lastCapture = new SimpleStringProperty(this, "lastCapture", "—");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty lastError = new SimpleStringProperty(this, "lastError", "");
    private final ObjectProperty<Optional<String>> lastErrorTask = new SimpleObjectProperty<>(this, "lastErrorTask",
            Optional.empty());
    private final ObjectProperty<Optional<FrameImage>> lastFrame = new SimpleObjectProperty<>(this, "lastFrame",
            Optional.empty());

    CameraRow(String id) {
        this.id = id;
    }

    /** What the library and the camera said at one refresh. */
    record Facts(String name, CameraState state, String stateText, String address, boolean paired,
            String fingerprint) {}

    /** What the camera's status said, when it answered. */
    record Status(String freeSpace, String waiting, String captured, String temperature, String lastError,
            Optional<String> lastErrorTask) {}

    void apply(Facts facts) {
        name.set(facts.name());
        state.set(facts.state());
        stateText.set(facts.stateText());
        address.set(facts.address());
        paired.set(facts.paired());
        fingerprint.set(facts.fingerprint());
    }

    void apply(Status status) {
        freeSpace.set(status.freeSpace());
        waiting.set(status.waiting());
        captured.set(status.captured());
        temperature.set(status.temperature());
        lastError.set(status.lastError());
        lastErrorTask.set(status.lastErrorTask());
    }

    void lastCapture(String when) {
        lastCapture.set(when);
    }

    void lastFrame(Optional<FrameImage> frame) {
        lastFrame.set(frame);
    }

    public String id() {
        return id;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<CameraState> stateProperty() {
        return state;
    }

    /** "capturing since 14:02 — start sent from the studio". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty addressProperty() {
        return address;
    }

    public ReadOnlyBooleanProperty pairedProperty() {
        return paired;
    }

    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint;
    }

    public ReadOnlyStringProperty freeSpaceProperty() {
        return freeSpace;
    }

    /** Frames on the camera the studio has not synced yet. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyStringProperty capturedProperty() {
        return captured;
    }

    public ReadOnlyStringProperty lastCaptureProperty() {
        return lastCapture;
    }

    public ReadOnlyStringProperty temperatureProperty() {
        return temperature;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    /** The task in the camera's log that tells the last error's story. */
    public ReadOnlyObjectProperty<Optional<String>> lastErrorTaskProperty() {
        return lastErrorTask;
    }

    /** The newest frame of this camera in the library. */
    public ReadOnlyObjectProperty<Optional<FrameImage>> lastFrameProperty() {
        return lastFrame;
    }

    @Override
    public String toString() {
        return "camera " + id + " " + state.get();
    }
}
