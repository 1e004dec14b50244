package studio.timelapse.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.RecordingLog;

class MainWindowViewModelTest {
    @TempDir
    Path home;

    private final RecordingLog log = new RecordingLog();

    private ShellSettingsFile file() {
        return new ShellSettingsFile(home.resolve("studio-window.json"), log.log());
    }

    private MainWindowViewModel open() {
        return new MainWindowViewModel(file(), file().load(), Runnable::run);
    }

    @Test
    void theScreenThemeAndPlacementAreRememberedForTheNextWindow() {
        MainWindowViewModel first = open();
        first.screenProperty().set(Screen.JOBS);
        first.themeProperty().set(Theme.DARK);
        first.windowClosing(new WindowPlacement(100, 50, 1300, 850, true));

        MainWindowViewModel next = open();

        assertThat(next.screenProperty().get()).isEqualTo(Screen.JOBS);
        assertThat(next.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(next.initialPlacement()).contains(new WindowPlacement(100, 50, 1300, 850, true));
    }

    @Test
    void theFirstWindowOpensOnTheCamerasInTheLightTheme() {
        MainWindowViewModel first = open();

        assertThat(first.screenProperty().get()).isEqualTo(Screen.CAMERAS);
        assertThat(first.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(first.initialPlacement()).isEqualTo(Optional.empty());
    }

    @Test
    void explainingATaskShowsTheLogExplorerOnIt() {
        MainWindowViewModel window = open();
        List<String> opened = new ArrayList<>();
        window.onExplain(opened::add);

        window.explain("4f2c0000-0000-4000-8000-000000000001");

        assertThat(window.screenProperty().get()).isEqualTo(Screen.LOG);
        assertThat(opened).containsExactly("4f2c0000-0000-4000-8000-000000000001");
    }
}
