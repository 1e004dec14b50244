package studio.timelapse.desktop.ui.common;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import studio.timelapse.shared.refusal.Refusal;

/**
 * Whether a button may be pressed now and, when not, why: the reasons and remedies of the core's
 * {@code explain()} (or a camera's own refusals), for the disabled button's tooltip.
 */
public final class CommandState {
    private final SimpleBooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final SimpleStringProperty why = new SimpleStringProperty(this, "why", "");

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled;
    }

    /** Empty while enabled. */
    public ReadOnlyStringProperty whyProperty() {
        return why;
    }

    public boolean enabled() {
        return enabled.get();
    }

    public void allow() {
        enabled.set(true);
        why.set("");
    }

    public void refuse(List<Refusal> refusals) {
        refuse(String.join("\n", refusals.stream().map(Refusal::describe).toList()));
    }

    public void refuse(String reasons) {
        enabled.set(false);
        why.set(reasons);
    }
}
