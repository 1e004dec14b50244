package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.protocol.FrameId;

class LibraryTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @Test
    void aNewLibraryIsAFolderWithItsDatabase() {
        assertThat(fixture.folder().resolve(Library.DATABASE_FILE)).exists();
        assertThat(fixture.frames().count()).isZero();
    }

    @Test
    void addingACameraCreatesItsStream() {
        fixture.addCamera("cam-1");
        Optional<Sequence> stream = fixture.sequences().streamOf("cam-1");
        assertThat(stream).get().extracting(Sequence::kind).isEqualTo(SequenceKind.CAMERA);
        assertThat(stream.get().name()).isEqualTo("cam-1");
    }

    @Test
    void aSyncedFrameIsStoredOnceHoweverOftenItArrives() throws Exception {
        fixture.addCamera("cam-1");
        Instant at = Instant.parse("2024-06-21T12:00:00Z");
        Frames.Stored first = fixture.syncFrame("cam-1", new FrameId("e1", 1), at);
        Frames.Stored again = fixture.syncFrame("cam-1", new FrameId("e1", 1), at);
        assertThat(first.inserted()).isTrue();
        assertThat(again.inserted()).isFalse();
        assertThat(again.frameId()).isEqualTo(first.frameId());
        assertThat(fixture.frames().count()).isEqualTo(1);
        Frame frame = fixture.frames().find(first.frameId()).orElseThrow();
        assertThat(frame.path()).isEqualTo("frames/cam-1/2024-06-21/e1-1.jpg");
        assertThat(frame.capturedAt()).isEqualTo(at);
        assertThat(frame.cameraFrameId()).contains(new FrameId("e1", 1));
    }
}
