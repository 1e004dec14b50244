package studio.timelapse.desktop.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * The window's settings as a small JSON file in the studio's home. A missing file means defaults; an unreadable one
 * (cut by a power failure, edited by hand) is logged and replaced by defaults — the window must open whatever the file
 * holds. Saving writes a temporary file and renames it over the old one, so a crash leaves the old or the new file,
 * never half of one.
 */
public final class ShellSettingsFile {
    private final Path file;
    private final ActionLog log;
    private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ShellSettingsFile(Path file, ActionLog log) {
        this.file = file;
        this.log = log;
    }

    public Path file() {
        return file;
    }

    public ShellSettings load() {
        if (!Files.exists(file)) {
            return ShellSettings.defaults();
        }
        try {
            return json.readValue(file.toFile(), ShellSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            log.message("studio:ui:settings_unreadable", "file", file.toString(), "exception", e.getClass().getName(),
                    "reason", String.valueOf(e.getMessage()), "outcome", "defaults");
            return ShellSettings.defaults();
        }
    }

    /** Saves the settings; a failure is logged (the window keeps working with what it has). */
    public synchronized void save(ShellSettings settings) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temporary, json.writeValueAsBytes(settings));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.message("studio:ui:settings_not_saved", "file", file.toString(), "exception", e.getClass().getName(),
                    "reason", String.valueOf(e.getMessage()));
        }
    }
}
