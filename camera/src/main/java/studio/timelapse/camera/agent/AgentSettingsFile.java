package studio.timelapse.camera.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@code agent.json}: read at start, made on first start, replaced whole (temp, fsync, rename) on every change. */
public final class AgentSettingsFile {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AgentSettingsFile(Path home) {
        this.file = home.resolve("agent.json");
    }

    public Path file() {
        return file;
    }

    /** The settings, made and saved on first start. A damaged file is an error that names the file, never replaced. */
    public AgentSettings loadOrCreate() throws IOException {
        if (!Files.exists(file)) {
            AgentSettings first = AgentSettings.firstStart();
            save(first);
            return first;
        }
        try {
            return json.readValue(file.toFile(), AgentSettings.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid agent settings (" + e.getOriginalMessage()
                    + "); fix it, or move it away to start again with the defaults", e);
        }
    }

    public void save(AgentSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, json.writeValueAsBytes(settings));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
