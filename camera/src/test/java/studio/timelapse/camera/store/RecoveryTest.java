package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;

/** What a restarted agent finds after a crash, a power cut or a person's hands, and what it makes of it. */
class RecoveryTest {
    @TempDir
    Path home;
    StoreFixture fixture;
    String epoch;

    @BeforeEach
    void openStoreWithTwoFrames() throws IOException {
        fixture = new StoreFixture(home);
        epoch = fixture.store.epoch();
        fixture.take(2);
    }

    @AfterEach
    void closeStore() throws IOException {
        fixture.close();
    }

    @Test
    void halfWrittenTemporaryFilesAreDeletedAtStartUp() throws IOException {
        Path incoming = fixture.store.framesFolder().resolve(".incoming");
        byte[] jpeg = TestJpegs.small(9);
        Files.write(incoming.resolve("killed-mid-write.jpg"), TestJpegs.truncated(jpeg, jpeg.length / 3));
        Files.write(incoming.resolve("killed-before-commit.jpg"), jpeg);

        fixture.reopen();

        assertThat(fixture.incoming()).isEmpty();
        assertThat(fixture.logged("camera:store:leftover_deleted")).hasSize(2);
        assertThat(StoreAudit.assertWholeAndGapFree(fixture)).hasSize(2);
    }

    @Test
    void aFrameRenamedButNotIndexedBeforeACrashIsIndexedAgainFromItsExif() throws IOException {
        byte[] jpeg = TestJpegs.withExif(TestJpegs.small(3), "2026:03:01 14:30:05", "+01:00");
        Path file = placeUnindexed(3, "2026/03/01", jpeg);

        fixture.reopen();

        StoredFrame recovered = fixture.store.stored(new FrameId(epoch, 3)).orElseThrow();
        assertThat(recovered.recovered()).isTrue();
        assertThat(recovered.info().capturedAt()).isEqualTo(Instant.parse("2026-03-01T13:30:05Z"));
        assertThat(recovered.info().utcOffsetSeconds()).isEqualTo(3600);
        assertThat(recovered.info().width()).isEqualTo(32);
        assertThat(recovered.info().sha256()).isEqualTo(StoreAudit.sha256(jpeg));
        assertThat(recovered.info().exposure()).containsEntry("shutter_s", 0.004).containsEntry("iso", 200);
        assertThat(recovered.settings()).isEmpty();
        assertThat(fixture.store.file(recovered.info().id())).contains(file);
        assertThat(fixture.logged("camera:store:reindexed")).singleElement()
                .satisfies(m -> assertThat(m.get("time_from")).isEqualTo("exif"));
        assertThat(StoreAudit.assertWholeAndGapFree(fixture)).hasSize(3);
        assertThat(fixture.takeOne().id().sequence()).isEqualTo(4);
    }

    @Test
    void exifWithoutAnOffsetIsReadInTheCamerasZone() throws IOException {
        placeUnindexed(3, "2026/07/01", TestJpegs.withExif(TestJpegs.small(3), "2026:07:01 12:00:00", null));

        fixture.reopen();

        FrameInfo recovered = fixture.store.find(new FrameId(epoch, 3)).orElseThrow();
        assertThat(recovered.capturedAt()).as("Zurich summer time").isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(recovered.utcOffsetSeconds()).isEqualTo(7200);
    }

    @Test
    void withoutExifTheFileTimeIsTheCaptureTime() throws IOException {
        Path file = placeUnindexed(3, "2026/03/01", TestJpegs.small(3));
        Instant written = Instant.parse("2026-03-01T09:00:31Z");
        Files.setLastModifiedTime(file, FileTime.from(written));

        fixture.reopen();

        FrameInfo recovered = fixture.store.find(new FrameId(epoch, 3)).orElseThrow();
        assertThat(recovered.capturedAt()).isEqualTo(written);
        assertThat(recovered.utcOffsetSeconds()).isEqualTo(3600);
        assertThat(fixture.logged("camera:store:reindexed")).singleElement()
                .satisfies(m -> assertThat(m.get("time_from")).isEqualTo("file_time"));
    }

    @Test
    void filesThatWouldLeaveAGapOrRepeatANumberOrAreIncompleteGoToQuarantine() throws IOException {
        byte[] jpeg = TestJpegs.small(5);
        placeUnindexed(2, "2026/02/27", jpeg);                                  // 2 is taken
        placeUnindexed(9, "2026/03/01", jpeg);                                  // 3..8 never existed
        placeUnindexed(3, "2026/03/01", TestJpegs.truncated(jpeg, jpeg.length - 10)); // the next, but cut short

        fixture.reopen();

        assertThat(fixture.quarantined()).containsExactlyInAnyOrder(
                epoch + "-00000002.jpg", epoch + "-00000009.jpg", epoch + "-00000003.jpg");
        assertThat(fixture.logged("camera:store:quarantined")).extracting(m -> (String) m.get("reason"))
                .anySatisfy(r -> assertThat(r).contains("already handed out"))
                .anySatisfy(r -> assertThat(r).contains("would leave a gap"))
                .anySatisfy(r -> assertThat(r).contains("cut short"));
        assertThat(StoreAudit.assertWholeAndGapFree(fixture)).hasSize(2);
        assertThat(fixture.takeOne().id().sequence()).isEqualTo(3);
    }

    @Test
    void framesWhoseFileVanishedAreFlaggedAndReportedNeverDropped() throws IOException {
        List<FrameInfo> frames = fixture.listAll();
        Path file = fixture.store.file(frames.get(1).id()).orElseThrow();
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);

        fixture.reopen();

        assertThat(fixture.listAll()).containsExactlyElementsOf(frames);
        assertThat(fixture.logged("camera:store:missing_file")).singleElement()
                .satisfies(m -> assertThat(m.get("id")).isEqualTo(frames.get(1).id().toString()));
        assertThat(fixture.store.stats().missingFiles()).isEqualTo(1);

        fixture.reopen();
        assertThat(fixture.logged("camera:store:missing_file")).as("reported once, not at every start").hasSize(1);

        Files.write(file, content);
        fixture.reopen();
        assertThat(fixture.store.stats().missingFiles()).isZero();
        assertThat(fixture.logged("camera:store:file_returned")).hasSize(1);
    }

    @Test
    void deletionsThatACrashInterruptedAreFinished() throws IOException {
        List<FrameInfo> frames = fixture.listAll();
        fixture.db.write(connection -> {
            new FrameRows().markDeleting(connection, List.of(frames.get(0).id()));
            return null;
        });
        assertThat(fixture.listAll()).as("a frame being deleted is no longer listed").hasSize(1);

        fixture.reopen();

        assertThat(fixture.store.stored(frames.get(0).id())).isEmpty();
        assertThat(fixture.frameFiles()).hasSize(1);
        assertThat(fixture.store.stats().frames()).isEqualTo(1);
        assertThat(fixture.takeOne().id().sequence()).as("numbers are never reused").isEqualTo(3);
    }

    @Test
    void framesOfAnotherEpochAreLeftAloneAndReported() throws IOException {
        Path foreign = fixture.store.framesFolder().resolve("2025/12/31/oldstore-00000001.jpg");
        Files.createDirectories(foreign.getParent());
        Files.write(foreign, TestJpegs.small(1));

        fixture.reopen();

        assertThat(foreign).exists();
        assertThat(fixture.logged("camera:store:foreign_frames")).singleElement()
                .satisfies(m -> assertThat(m.get("epochs")).isEqualTo(List.of("oldstore")));
        assertThat(fixture.listAll()).hasSize(2);
    }

    @Test
    void onlyOneProcessMayHaveTheStoreOpen() {
        assertThatThrownBy(fixture::open).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another agent process (pid ").hasMessageContaining("stop it first");
    }

    @Test
    void aDatabaseWithoutTheAgentsTablesIsNamedAsSuch(@TempDir Path otherHome) {
        try (SqliteDatabase bare = SqliteDatabase.open(otherHome.resolve("agent.db"))) {
            assertThatThrownBy(() -> FrameStore.builder(otherHome, bare, fixture.recording.log()).open())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("db.migrate(\"agent\", \"db/agent\")");
        }
    }

    /** A frame file where a commit that crashed after its rename would have left it. */
    private Path placeUnindexed(long sequence, String folder, byte[] content) throws IOException {
        Path file = fixture.store.framesFolder().resolve(folder)
                .resolve(StoreLayout.fileName(new FrameId(epoch, sequence)));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }
}
