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
    void knowing_a_home_does_not_create_it() {
        DataHome home = new DataHome("studio home", "TIMELAPSE_HOME", temp.resolve("studio"));

        assertThat(home.logs()).doesNotExist();
        assertThat(home.root()).doesNotExist();
    }

    @Test
    void create_folders_makes_the_home_and_its_logs_folder() throws IOException {
        DataHome home = new DataHome("studio home", "TIMELAPSE_HOME", temp.resolve("a/b/studio"));

        home.createFolders();

        assertThat(home.root()).isDirectory();
        assertThat(home.logs()).isDirectory();
    }

    @Test
    void create_folders_keeps_what_is_already_there() throws IOException {
        DataHome home = new DataHome("studio home", "TIMELAPSE_HOME", temp.resolve("studio"));
        home.createFolders();
        Path earlierLog = Files.writeString(home.logs().resolve("studio.jsonl"), "{}\n");

        home.createFolders();

        assertThat(earlierLog).hasContent("{}");
    }

    @Test
    void a_home_that_cannot_be_created_fails_saying_which_folder_and_what_to_do() throws IOException {
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
