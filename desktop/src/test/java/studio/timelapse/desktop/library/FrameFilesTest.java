package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameFilesTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    private FrameFiles files() {
        return fixture.library().files();
    }

    @Test
    void framesGoIntoAFolderPerSourceAndLocalDate() {
        assertThat(files().pathFor("North field", LocalDate.of(2024, 6, 21), "e1-7.jpg"))
                .isEqualTo("frames/North field/2024-06-21/e1-7.jpg");
    }

    @Test
    void theDateIsTheCamerasLocalDateNotUtc() {
        Instant lateEveningUtc = Instant.parse("2024-06-21T23:30:00Z");
        assertThat(files().pathFor("cam", lateEveningUtc, 2 * 3600, "a.jpg")).isEqualTo("frames/cam/2024-06-22/a.jpg");
        assertThat(files().pathFor("cam", lateEveningUtc, -5 * 3600, "a.jpg")).isEqualTo("frames/cam/2024-06-21/a.jpg");
    }

    @Test
    void sourceNamesBecomeSafeFolderNames() {
        assertThat(FrameFiles.folderName("../../etc")).isEqualTo("_.._etc");
        assertThat(FrameFiles.folderName(".hidden")).isEqualTo("hidden");
        assertThat(FrameFiles.folderName("a/b\\c:d*e?")).isEqualTo("a_b_c_d_e_");
        assertThat(FrameFiles.folderName("Été à Genève")).isEqualTo("Été à Genève");
        assertThat(FrameFiles.folderName("...")).isEqualTo("_");
        assertThat(FrameFiles.folderName("x".repeat(100))).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.jpg", ".hidden.jpg", "a/b.jpg", "a\\b.jpg", "", "x..jpg"})
    void fileNamesThatCouldLeaveTheirFolderAreRefused(String name) {
        assertThatThrownBy(() -> files().pathFor("cam", LocalDate.of(2024, 1, 1), name))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.jpg", "frames/../../outside.jpg", "/etc/passwd", "frames//x.jpg",
            "frames/./x.jpg", "frames\\x.jpg", "C:/x.jpg", "frames/x.jpg\0.png", ""})
    void pathTricksAreRefused(String path) {
        assertThatThrownBy(() -> files().resolve(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a path inside the library");
    }

    @Test
    void aLinkLeadingOutOfTheLibraryIsRefused(@TempDir Path outside) throws IOException {
        Files.createDirectories(fixture.folder().resolve("frames"));
        Files.createSymbolicLink(fixture.folder().resolve("frames/escape"), outside);
        assertThatThrownBy(() -> files().resolve("frames/escape/x.jpg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a link leads outside");
        assertThatThrownBy(() -> files().writeAtomically("frames/escape/x.jpg", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aWrittenFileHasItsContentSizeAndHash() throws IOException {
        byte[] content = "a frame".getBytes(StandardCharsets.UTF_8);
        FrameFiles.Written written = files().writeAtomically("frames/cam/2024-06-21/a.jpg", content);
        assertThat(written.size()).isEqualTo(content.length);
        assertThat(written.sha256()).isEqualTo(LibraryFixture.sha256(content));
        assertThat(files().resolve(written.path())).hasBinaryContent(content);
        assertThat(files().resolve(written.path())).isEqualTo(fixture.folder().resolve("frames/cam/2024-06-21/a.jpg"));
    }

    @Test
    void aProvenFileIsMovedIntoPlaceReplacingAnOlderOneAndLeavesNothingBehind() throws IOException {
        Path proven = fixture.folder().resolve("tmp/sync/cam/e1-7.part");
        Files.createDirectories(proven.getParent());
        byte[] content = "the proven frame".getBytes(StandardCharsets.UTF_8);
        Files.write(proven, content);
        String path = "frames/cam/2024-06-21/a.jpg";
        files().writeAtomically(path, "old".getBytes(StandardCharsets.UTF_8));

        files().moveIntoPlace(proven, path);
        files().syncFoldersOf(java.util.List.of(path, "frames/cam/2024-06-21/b.jpg"));

        assertThat(files().resolve(path)).hasBinaryContent(content);
        assertThat(proven).doesNotExist();
        try (Stream<Path> left = Files.list(files().resolve(path).getParent())) {
            assertThat(left).containsExactly(files().resolve(path));
        }
    }

    @Test
    void aMoveIntoPlaceStaysInsideTheLibrary() throws IOException {
        Path proven = fixture.folder().resolve("tmp/x.part");
        Files.createDirectories(proven.getParent());
        Files.write(proven, new byte[] {1});
        assertThatThrownBy(() -> files().moveIntoPlace(proven, "../outside.jpg"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(proven).exists();
    }

    @Test
    void aWriteThatBreaksLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        String path = "frames/cam/2024-06-21/a.jpg";
        files().writeAtomically(path, "old".getBytes(StandardCharsets.UTF_8));
        InputStream breaking = new InputStream() {
            private final InputStream start = new ByteArrayInputStream(new byte[100_000]);

            @Override
            public int read() throws IOException {
                int b = start.read();
                if (b < 0) {
                    throw new IOException("connection cut");
                }
                return b;
            }
        };
        assertThatThrownBy(() -> files().writeAtomically(path, breaking)).isInstanceOf(IOException.class)
                .hasMessage("connection cut");
        assertThat(files().resolve(path)).hasContent("old");
        try (Stream<Path> inFolder = Files.list(files().resolve(path).getParent())) {
            assertThat(inFolder).containsExactly(files().resolve(path));
        }
    }

    @Test
    void relativePathsUseSlashesWhateverTheSystem() {
        Path file = fixture.folder().resolve("frames").resolve("cam").resolve("x.jpg");
        assertThat(files().relativize(file)).isEqualTo("frames/cam/x.jpg");
        assertThatThrownBy(() -> files().relativize(fixture.folder().getParent().resolve("x.jpg")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
