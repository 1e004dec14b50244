package studio.timelapse.camera.capture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Tools are looked up on a PATH the backend is given, as a shell would. */
@DisabledOnOs(OS.WINDOWS)
class ExecutablesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstDirectoryWithAnExecutableOfThatNameWins() throws IOException {
        Path first = tool("a/rpicam-still", true);
        tool("b/rpicam-still", true);
        Executables path = Executables.fromPath(dir.resolve("a") + ":" + dir.resolve("b"));

        assertThat(path.find("rpicam-still")).hasValue(first);
    }

    @Test
    void aFileThatCannotBeRunIsSkipped() throws IOException {
        tool("a/gphoto2", false);
        Path runnable = tool("b/gphoto2", true);

        assertThat(Executables.fromPath(dir.resolve("a") + ":" + dir.resolve("b")).find("gphoto2")).hasValue(runnable);
    }

    @Test
    void namesAreTriedInTheirOrderBeforeDirectories() throws IOException {
        Path old = tool("a/libcamera-still", true);
        Path current = tool("b/rpicam-still", true);
        Executables path = Executables.fromPath(dir.resolve("a") + ":" + dir.resolve("b"));

        assertThat(path.findFirst(List.of("rpicam-still", "libcamera-still"))).hasValue(current);
        assertThat(path.findFirst(List.of("libcamera-still", "rpicam-still"))).hasValue(old);
    }

    @Test
    void emptyEntriesAreSkippedAndThePathIsPassedOnAsGiven() {
        Executables path = Executables.fromPath("::/usr/bin::/bin:");

        assertThat(path.pathVariable()).isEqualTo("/usr/bin:/bin");
        assertThat(path.withFirst(dir).pathVariable()).isEqualTo(dir + ":/usr/bin:/bin");
        assertThat(Executables.fromPath(null).find("sh")).isEmpty();
    }

    private Path tool(String relative, boolean executable) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }
}
