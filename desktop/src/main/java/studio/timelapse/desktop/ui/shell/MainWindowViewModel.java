package studio.timelapse.desktop.ui.shell;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import studio.timelapse.desktop.ui.common.Explainer;

/**
 * The main window: which screen shows, which theme, and where the window was. Changes are saved as they happen (the
 * placement when the window closes) on a background executor, so the file is never written on the JavaFX thread.
 */
public final class MainWindowViewModel implements Explainer {
    private final ShellSettingsFile settingsFile;
    private final Executor background;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final Optional<WindowPlacement> initialPlacement;
    private Consumer<String> taskOpener = uuid -> {};
    private volatile ShellSettings settings;

    public MainWindowViewModel(ShellSettingsFile settingsFile, ShellSettings loaded, Executor background) {
        this.settingsFile = settingsFile;
        this.background = background;
        this.settings = loaded;
        this.initialPlacement = loaded.placement();
        screen.set(loaded.screen());
        theme.set(loaded.theme());
        screen.addListener((observable, before, now) -> save(settings.withScreen(now == null ? Screen.CAMERAS : now)));
        theme.addListener((observable, before, now) -> save(settings.withTheme(now == null ? Theme.LIGHT : now)));
    }

    public List<Screen> screens() {
        return List.of(Screen.values());
    }

    public List<Theme> themes() {
        return List.of(Theme.values());
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Where to open the window: where it was last closed, if it was. */
    public Optional<WindowPlacement> initialPlacement() {
        return initialPlacement;
    }

    /** The window is closing: remember where it was. */
    public void windowClosing(WindowPlacement placement) {
        save(settings.withPlacement(placement));
    }

    /** Who opens a task in the log explorer (the log explorer's view-model, once it exists). */
    public void onExplain(Consumer<String> opener) {
        this.taskOpener = opener;
    }

    /** Shows the log explorer with the task's tree: every "why?" in the window leads here. */
    @Override
    public void explain(String taskUuid) {
        screen.set(Screen.LOG);
        taskOpener.accept(taskUuid);
    }

    private void save(ShellSettings changed) {
        settings = changed;
        // Whichever save runs last writes the latest settings, whatever order the executor runs them in.
        background.execute(() -> settingsFile.save(settings));
    }
}
