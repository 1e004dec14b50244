package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FrameSettings;

class FrameCommitTest {
    @TempDir
    Path home;
    StoreFixture fixture;

    @BeforeEach
    void openStore() throws IOException {
        fixture = new StoreFixture(home);
    }

    @AfterEach
    void closeStore() throws IOException {
        fixture.close();
    }

    @Test
    void aCommittedFrameIsItsWholeFileInTheDayFolderAndARowWithItsFacts() throws IOException {
        byte[] jpeg = TestJpegs.small(1);
        Instant capturedAt = Instant.parse("2026-03-01T14:30:05.123Z");

        FrameInfo frame = fixture.take(jpeg, capturedAt);

        String epoch = fixture.store.epoch();
        assertThat(frame.id().epoch()).isEqualTo(epoch);
        assertThat(frame.id().sequence()).isEqualTo(1);
        assertThat(frame.capturedAt()).isEqualTo(capturedAt);
        assertThat(frame.utcOffsetSeconds()).as("Zurich in March: UTC+1").isEqualTo(3600);
        assertThat(frame.size()).isEqualTo(jpeg.length);
        assertThat(frame.sha256()).isEqualTo(StoreAudit.sha256(jpeg));
        assertThat(frame.exposure()).containsEntry("iso", 100);
        assertThat(frame.acknowledged()).isFalse();

        Path file = home.resolve("frames/2026/03/01/" + epoch + "-00000001.jpg");
        assertThat(file).hasBinaryContent(jpeg);
        assertThat(fixture.store.file(frame.id())).contains(file);
        assertThat(fixture.incoming()).isEmpty();

        StoredFrame stored = fixture.store.stored(frame.id()).orElseThrow();
        assertThat(stored.info()).isEqualTo(frame);
        assertThat(stored.path()).isEqualTo("2026/03/01/" + epoch + "-00000001.jpg");
        assertThat(stored.settings()).contains(FrameSettings.automatic().withSize(32, 32));
        assertThat(stored.slot()).contains(capturedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(stored.storedAt()).isEqualTo(fixture.clock.instant());
        assertThat(stored.recovered()).isFalse();
    }

    @Test
    void everyCommitIsLoggedWithItsIdSizeAndDigest() throws IOException {
        FrameInfo frame = fixture.takeOne();

        LogMessage succeeded = fixture.logged("camera:store:commit").stream()
                .filter(m -> "succeeded".equals(m.get("action_status"))).findFirst().orElseThrow();
        assertThat(succeeded.get("id")).isEqualTo(frame.id().toString());
        assertThat(succeeded.get("size")).isEqualTo(frame.size());
        assertThat(succeeded.get("sha256")).isEqualTo(frame.sha256());
    }

    @Test
    void theDayFolderIsTheLocalDateOfCaptureAndTheOffsetFollowsSummerTime() throws IOException {
        FrameInfo lateEvening = fixture.take(TestJpegs.small(1), Instant.parse("2026-03-01T23:30:00Z"));
        FrameInfo summer = fixture.take(TestJpegs.small(2), Instant.parse("2026-07-01T12:00:00Z"));

        assertThat(fixture.store.stored(lateEvening.id()).orElseThrow().path()).startsWith("2026/03/02/");
        assertThat(lateEvening.utcOffsetSeconds()).isEqualTo(3600);
        assertThat(summer.utcOffsetSeconds()).isEqualTo(7200);
    }

    @Test
    void sequenceNumbersStayGapFreeAcrossRejectedAndAbandonedFrames() throws IOException {
        byte[] whole = TestJpegs.small(7);
        fixture.takeOne();

        fixture.store.abandon(fixture.store.begin());
        PendingFrame written = fixture.store.begin();
        Files.write(written.file(), whole);
        fixture.store.abandon(written);
        assertThatThrownBy(() -> fixture.take(TestJpegs.truncated(whole, whole.length / 2)))
                .isInstanceOf(IncompleteFrameException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> fixture.take(new byte[0]))
                .isInstanceOf(IncompleteFrameException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> fixture.take("not a picture".getBytes()))
                .isInstanceOf(IncompleteFrameException.class).hasMessageContaining("not a JPEG");
        byte[] zeroPadded = java.util.Arrays.copyOf(whole, whole.length + 4096);
        assertThatThrownBy(() -> fixture.take(zeroPadded))
                .as("zeros after the end marker, as a power cut leaves them").isInstanceOf(IncompleteFrameException.class);
        PendingFrame neverWritten = fixture.store.begin();
        assertThatThrownBy(() -> fixture.store.commit(neverWritten, StoreFixture.request(fixture.clock.instant()),
                StoreFixture.result(fixture.clock.instant()))).isInstanceOf(IncompleteFrameException.class);

        FrameInfo next = fixture.takeOne();

        assertThat(next.id().sequence()).isEqualTo(2);
        StoreAudit.assertWholeAndGapFree(fixture);
    }

    @Test
    void aFileThatIsNotOneOfTheStoresPendingFramesIsRefused(@TempDir Path elsewhere) throws IOException {
        Path stray = elsewhere.resolve("frame.jpg");
        Files.write(stray, TestJpegs.small(1));

        assertThatThrownBy(() -> fixture.store.commit(new PendingFrame(stray),
                StoreFixture.request(fixture.clock.instant()), StoreFixture.result(fixture.clock.instant())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a pending frame");
        assertThat(stray).exists();
        assertThat(fixture.store.latest()).isEqualTo(Optional.empty());
    }

    @Test
    void theEpochIsCreatedOnceAndKeptAcrossRestarts() throws IOException {
        String epoch = fixture.store.epoch();
        fixture.take(3);

        fixture.reopen();

        assertThat(fixture.store.epoch()).isEqualTo(epoch).matches("[a-z2-9]{10}");
        assertThat(fixture.takeOne().id().sequence()).isEqualTo(4);
    }
}
