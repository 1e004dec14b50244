package studio.timelapse.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.refusal.Refusal;

class AgentSettingsFileTest {
    @TempDir
    Path home;

    @Test
    void theFirstStartMakesSettingsWithAStableIdAndKeepsThem() throws IOException {
        AgentSettingsFile file = new AgentSettingsFile(home);
        AgentSettings first = file.loadOrCreate();
        assertThat(first.problems()).isEmpty();
        assertThat(first.capture().backend()).isEqualTo("synthetic");
        assertThat(Files.readString(home.resolve("agent.json"))).contains("\"intervalSeconds\" : 2.0");
        assertThat(new AgentSettingsFile(home).loadOrCreate()).isEqualTo(first);
    }

    @Test
    void changesAreSavedWhole() throws IOException {
        AgentSettingsFile file = new AgentSettingsFile(home);
        AgentSettings moved = file.loadOrCreate().withNetwork("127.0.0.1", 9443, false);
        file.save(moved);
        assertThat(file.loadOrCreate()).isEqualTo(moved);
        assertThat(home.resolve("agent.json.tmp")).doesNotExist();
    }

    @Test
    void aDamagedFileIsReportedNeverReplaced() throws IOException {
        Files.writeString(home.resolve("agent.json"), "{\"id\": \"x\", \"nme\": ");
        assertThatThrownBy(() -> new AgentSettingsFile(home).loadOrCreate())
                .hasMessageContaining("agent.json is not valid agent settings").hasMessageContaining("move it away");
        assertThat(Files.readString(home.resolve("agent.json"))).startsWith("{\"id\": \"x\"");
    }

    @Test
    void impossibleSettingsAreListedAllAtOnce() {
        AgentSettings bad = AgentSettings.firstStart().withNetwork("0.0.0.0", 70_000, true);
        assertThat(bad.problems()).extracting(Refusal::code).containsExactly("settings.port");
    }
}
