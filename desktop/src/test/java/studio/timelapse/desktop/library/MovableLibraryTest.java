package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.FrameId;

class MovableLibraryTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @Test
    void aLibraryMovedAsOneFolderOpensWithEveryFrameInPlace(@TempDir Path elsewhere) throws Exception {
        fixture.addCamera("cam-1");
        Instant at = Instant.parse("2024-06-21T12:00:00Z");
        long id = fixture.syncFrame("cam-1", new FrameId("e1", 1), at).frameId();
        fixture.library().close();

        Path moved = elsewhere.resolve("moved library");
        Files.move(fixture.folder(), moved);
        Library reopened = fixture.reopen(moved);

        Frame frame = Frames.of(reopened).find(id).orElseThrow();
        Path file = reopened.files().resolve(frame.path());
        assertThat(file).startsWith(moved).exists();
        assertThat(LibraryFixture.sha256(Files.readAllBytes(file))).isEqualTo(frame.sha256());
        assertThat(Cameras.of(reopened).find("cam-1")).isPresent();
        assertThat(Frames.of(reopened).ofCamera("cam-1", CaptureRange.ALL, Optional.empty(), 10).frames())
                .extracting(Frame::id).containsExactly(id);
    }

    @Test
    void nothingInTheDatabaseNamesTheFolderItLivesIn() throws Exception {
        fixture.addCamera("cam-1");
        fixture.syncFrame("cam-1", new FrameId("e1", 1), Instant.parse("2024-06-21T12:00:00Z"));
        fixture.library().close();
        byte[] database = Files.readAllBytes(fixture.folder().resolve(Library.DATABASE_FILE));
        String text = new String(database, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(fixture.folder().toString());
    }
}
