package studio.timelapse.shared.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataHomeTest {
    @TempDir
    Path temp;

    @Test
    void knowingAHomeDoesNotCreateIt() {
        DataHome home = new DataHome("studio home", "TIMELAPSE_HOME", temp.resolve("studio"));

        assertThat(home.logs()).doesNotExist();
        assertThat(home.root()).doesNotExist();
    }

    @Test
    void createFoldersMakesTheHomeAndItsLogsFolder() throws IOException {
        DataHome home = new DataHome("studio home", "TIMELAPSE_HOME", temp.resolve("a/b/studio"));

        home.createFolders();

        assertThat(home.root()).isDirectory();
        assertThat(home.logs()).isDirectory();
    }

    @Test
    void createFoldersKeepsWhatIsAlreadyThere() throws IOException {
        DataHome home = new DataHome("studio home", "TIMELAPSE_HOME", temp.resolve("studio"));
        home.createFolders();
        Path earlierLog = Files.writeString(home.logs().resolve("studio.jsonl"), "{}\n");

        home.createFolders();

        assertThat(earlierLog).hasContent("{}");
    }

    @Test
    void aHomeThatCannotBeCreatedFailsSayingWhichFolderAndWhatToDo() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "");
        DataHome home = new DataHome("camera agent home", "TIMELAPSE_CAMERA_HOME", file.resolve("camera"));

        assertThatThrownBy(home::createFolders)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("camera agent home")
                .hasMessageContaining(file.resolve("camera").toString())
                .hasMessageContaining("cannot be created")
                .hasMessageContaining("Set TIMELAPSE_CAMERA_HOME to use another folder");
    }
}
