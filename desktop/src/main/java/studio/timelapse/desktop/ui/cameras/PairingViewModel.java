package studio.timelapse.desktop.ui.cameras;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.timelapse.desktop.cameras.CameraPairing;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;

/**
 * The pairing dialog: the code the camera shows, optionally the fingerprint its console shows (then the code goes
 * only to a camera presenting that certificate), and after pairing the fingerprint now pinned, for the person to
 * compare with the camera's. Every check is the pairing core's; this only carries the words.
 */
public final class PairingViewModel {
    private final CameraPairing pairing;
    private final String cameraId;
    private final String cameraName;
    private final Optional<String> presented;
    private final String studioName;
    private final UiWork work;
    private final Consumer<CameraPairing.Paired> onPaired;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty fingerprintRead = new SimpleStringProperty(this, "fingerprintRead", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Optional<String>> pinned = new SimpleObjectProperty<>(this, "pinned",
            Optional.empty());
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());
    /** A code is six digits, perhaps grouped with a space or dash as the camera shows it. */
    private final BooleanBinding codeComplete = Bindings.createBooleanBinding(
            () -> code.get() != null && code.get().replaceAll("[\\s-]", "").matches("[0-9]{6}"), code);

    PairingViewModel(CameraPairing pairing, String cameraId, String cameraName, Optional<String> presented,
            String studioName, UiWork work, Consumer<CameraPairing.Paired> onPaired) {
        this.pairing = pairing;
        this.cameraId = cameraId;
        this.cameraName = cameraName;
        this.presented = presented;
        this.studioName = studioName;
        this.work = work;
        this.onPaired = onPaired;
    }

    public String cameraId() {
        return cameraId;
    }

    public String cameraName() {
        return cameraName;
    }

    /** The certificate the camera presented when it was added or announced itself, to compare before pairing. */
    public Optional<String> presentedFingerprint() {
        return presented;
    }

    /** Sends the code; the pinned fingerprint, or the problem, arrives afterwards. */
    public void pair() {
        String digits = code.get().replaceAll("[\\s-]", "");
        Optional<String> expected = Optional.ofNullable(fingerprintRead.get()).map(String::trim)
                .filter(text -> !text.isEmpty());
        busy.set(true);
        problem.set(Optional.empty());
        work.command("studio:ui:pair", Map.of("camera", cameraId), "Camera '" + cameraName + "' was not paired",
                () -> pairing.pair(cameraId, digits, expected, studioName), paired -> {
                    busy.set(false);
                    pinned.set(Optional.of(paired.fingerprintShort()));
                    onPaired.accept(paired);
                }, failure -> {
                    busy.set(false);
                    problem.set(Optional.of(failure));
                });
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** What the person read off the camera's console: its short fingerprint, or a prefix of it. */
    public StringProperty fingerprintReadProperty() {
        return fingerprintRead;
    }

    public BooleanBinding codeCompleteProperty() {
        return codeComplete;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** After pairing: the fingerprint of the certificate now pinned. */
    public ReadOnlyObjectProperty<Optional<String>> pinnedProperty() {
        return pinned;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }
}
