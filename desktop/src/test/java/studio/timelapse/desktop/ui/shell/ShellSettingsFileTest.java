package studio.timelapse.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.RecordingLog;

class ShellSettingsFileTest {
    @TempDir
    Path home;

    private final RecordingLog log = new RecordingLog();

    @Test
    void withoutAFileTheWindowStartsWithDefaults() {
        ShellSettingsFile file = new ShellSettingsFile(home.resolve("studio-window.json"), log.log());

        assertThat(file.load()).isEqualTo(ShellSettings.defaults());
    }

    @Test
    void savedSettingsAreLoadedBack() {
        ShellSettingsFile file = new ShellSettingsFile(home.resolve("studio-window.json"), log.log());
        ShellSettings settings = new ShellSettings(Theme.NORD_DARK, Screen.JOBS,
                Optional.of(new WindowPlacement(40, 60, 1400, 900, false)));

        file.save(settings);

        assertThat(new ShellSettingsFile(home.resolve("studio-window.json"), log.log()).load()).isEqualTo(settings);
        assertThat(home.resolve("studio-window.json.tmp")).doesNotExist();
    }

    @Test
    void anUnreadableFileGivesDefaultsAndIsLogged() throws Exception {
        Path path = home.resolve("studio-window.json");
        Files.writeString(path, "{\"theme\": \"DARK\", \"screen\": ");
        ShellSettingsFile file = new ShellSettingsFile(path, log.log());

        assertThat(file.load()).isEqualTo(ShellSettings.defaults());
        assertThat(log.ofType("studio:ui:settings_unreadable")).hasSize(1);
    }

    @Test
    void aFileFromAnotherVersionKeepsWhatItUnderstands() throws Exception {
        Path path = home.resolve("studio-window.json");
        Files.writeString(path, "{\"theme\": \"DARK\", \"screen\": \"LOG\", \"zoom\": 1.5}");

        assertThat(new ShellSettingsFile(path, log.log()).load())
                .isEqualTo(new ShellSettings(Theme.DARK, Screen.LOG, Optional.empty()));
    }

    @Test
    void aWindowTooSmallToUseIsGrownToTheMinimum() {
        WindowPlacement tiny = new WindowPlacement(0, 0, 10, 10, false);

        assertThat(tiny.width()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(tiny.height()).isEqualTo(WindowPlacement.MIN_HEIGHT);
    }
}
