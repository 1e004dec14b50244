package studio.timelapse.camera.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration scripts are listed from a jar (as the agent runs) and from a folder (as tests run), as Flyway names them. */
class MigrationScriptsTest {
    @TempDir
    Path folder;

    @Test
    void versionedScriptsInAJarAreListedByFlywaysVersion() throws Exception {
        Path jar = folder.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"db/owner/", "db/owner/V1__first.sql", "db/owner/V1_2__point.sql",
                    "db/owner/V10__tenth.sql", "db/owner/notes.txt", "db/owner/nested/V99__elsewhere.sql",
                    "db/ownership/V7__other_folder.sql"}) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            MigrationScripts scripts = MigrationScripts.in(loader, "db/owner");

            assertThat(scripts.versions()).containsExactlyInAnyOrder("1", "1.2", "10");
            assertThat(scripts.onlyVersioned()).isTrue();
        }
    }

    @Test
    void aRepeatableScriptInAFolderIsNoticed() throws Exception {
        Path owner = Files.createDirectories(folder.resolve("db/owner"));
        Files.writeString(owner.resolve("V1__first.sql"), "SELECT 1;");
        Files.writeString(owner.resolve("R__view.sql"), "SELECT 1;");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
            MigrationScripts scripts = MigrationScripts.in(loader, "db/owner");

            assertThat(scripts.versions()).containsExactly("1");
            assertThat(scripts.onlyVersioned()).isFalse();
        }
    }

    @Test
    void aLocationThatIsNowhereHasNoScripts() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
            assertThat(MigrationScripts.in(loader, "db/none").versions()).isEmpty();
        }
    }
}
