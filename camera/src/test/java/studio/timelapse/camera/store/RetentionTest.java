package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.refusal.Refusal;

/** Retention on a disk of a chosen size: what it deletes, what it never deletes, and when capture pauses. */
class RetentionTest {
    @TempDir
    Path home;
    StoreFixture fixture;
    List<FrameInfo> frames;
    long frameSize;

    @BeforeEach
    void openStoreWithSixFramesOfOneSize() throws IOException {
        fixture = new StoreFixture(home);
        byte[] jpeg = TestJpegs.small(1);
        frames = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(fixture.take(jpeg));
        }
        frameSize = jpeg.length;
    }

    @AfterEach
    void closeStore() throws IOException {
        fixture.close();
    }

    /** A policy keeping {@code frames} frames' worth of space free. */
    private RetentionPolicy keepFree(double frameCount) {
        return RetentionPolicy.defaults().withMinFree((long) (frameCount * frameSize), 0);
    }

    /** A disk on which {@code frameCount} more frames fit. */
    private void room(double frameCount) {
        fixture.disk.capacity(fixture.disk.used() + (long) (frameCount * frameSize));
    }

    private void acknowledge(long from, long to) {
        fixture.store.acknowledge(new Acknowledgement(fixture.store.epoch(), from, to));
    }

    @Test
    void withEnoughSpaceNothingIsDeletedAndNothingLogged() throws IOException {
        acknowledge(1, 6);
        room(10);

        RetentionOutcome outcome = fixture.store.retention(keepFree(5)).run();

        assertThat(outcome.mayCapture()).isTrue();
        assertThat(outcome.deletedFrames()).isZero();
        assertThat(fixture.listAll()).hasSize(6);
        assertThat(fixture.logged("camera:store:retention")).isEmpty();
    }

    @Test
    void underTheThresholdTheOldestAcknowledgedFramesGoUntilThereIsRoom() throws IOException {
        acknowledge(1, 4);
        room(1);

        RetentionOutcome outcome = fixture.store.retention(keepFree(3)).run();

        assertThat(outcome.mayCapture()).isTrue();
        assertThat(outcome.deletedFrames()).isEqualTo(2);
        assertThat(fixture.listAll()).extracting(f -> f.id().sequence()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(fixture.frameFiles()).hasSize(4);
        assertThat(outcome.space().usableBytes()).isGreaterThanOrEqualTo(outcome.thresholdBytes());
        LogMessage done = fixture.logged("camera:store:retention").stream()
                .filter(m -> "succeeded".equals(m.get("action_status"))).findFirst().orElseThrow();
        assertThat(done.get("deleted_frames")).isEqualTo(2L);
        assertThat(done.get("deleted_unsynced")).isEqualTo(0L);
        assertThat(fixture.store.stats().lastSequence()).isEqualTo(6);
    }

    @Test
    void unsyncedFramesAreNeverDeletedByDefaultCaptureIsPausedWithAReasonInstead() throws IOException {
        acknowledge(1, 1);
        room(0.5);

        RetentionOutcome outcome = fixture.store.retention(keepFree(3)).run();

        assertThat(outcome.mayCapture()).isFalse();
        assertThat(outcome.deletedFrames()).isEqualTo(1);
        assertThat(fixture.listAll()).extracting(f -> f.id().sequence()).containsExactly(2L, 3L, 4L, 5L, 6L);
        Refusal pause = outcome.pause().orElseThrow();
        assertThat(pause.code()).isEqualTo("store.only_unsynced_left");
        assertThat(pause.reason()).startsWith("Only unsynced frames remain: ").contains(" free of ")
                .contains("5 frames");
        assertThat(pause.remedy()).contains("connect the studio to sync, or allow deleting unsynced frames");
        assertThat(pause.details()).containsEntry("unsynced_frames", 5L);
        assertThat(fixture.logged("camera:store:capture_paused")).hasSize(1);
    }

    @Test
    void aPauseIsLoggedOnceAndEndsByItselfWhenTheStudioHasSynced() throws IOException {
        room(0.5);
        Retention retention = fixture.store.retention(keepFree(3));
        assertThat(retention.run().mayCapture()).isFalse();
        assertThat(retention.run().mayCapture()).isFalse();
        assertThat(fixture.logged("camera:store:capture_paused")).as("once per pause, not per capture").hasSize(1);

        acknowledge(1, 6);
        RetentionOutcome outcome = retention.run();

        assertThat(outcome.mayCapture()).isTrue();
        assertThat(outcome.deletedFrames()).isBetween(3L, 4L);
        assertThat(fixture.logged("camera:store:capture_resumed")).hasSize(1);
    }

    @Test
    void aPauseAlsoEndsWhenSpaceIsFreedSomeOtherWay() throws IOException {
        room(0.5);
        Retention retention = fixture.store.retention(keepFree(3));
        assertThat(retention.run().mayCapture()).isFalse();

        room(4);

        assertThat(retention.run().mayCapture()).isTrue();
        assertThat(fixture.listAll()).hasSize(6);
    }

    @Test
    void aFullDiskWithNothingDeletableSaysSo() throws IOException {
        acknowledge(1, 6);
        room(0);
        RetentionOutcome cleared = fixture.store.retention(keepFree(100)).run();
        assertThat(fixture.listAll()).isEmpty();

        Refusal pause = cleared.pause().orElseThrow();
        assertThat(pause.code()).isEqualTo("store.disk_low");
        assertThat(pause.reason()).contains("holds no frames the agent may delete");
    }

    @Test
    void unsyncedFramesGoOnlyWhenTheUserAllowedItAndTheyAreCounted() throws IOException {
        acknowledge(1, 1);
        room(0.5);

        RetentionOutcome outcome = fixture.store.retention(keepFree(3).withDeleteUnsynced(true)).run();

        assertThat(outcome.mayCapture()).isTrue();
        assertThat(outcome.deletedFrames()).isGreaterThanOrEqualTo(3);
        assertThat(outcome.deletedUnsynced()).isEqualTo(outcome.deletedFrames() - 1);
        assertThat(fixture.listAll().get(0).id().sequence()).as("oldest first").isEqualTo(outcome.deletedFrames() + 1);
        assertThat(fixture.logged("camera:store:retention")).anySatisfy(m -> assertThat(m.get("deleted_unsynced"))
                .isEqualTo(outcome.deletedUnsynced()));
    }

    @Test
    void acknowledgedFramesOlderThanTheMaximumAgeGoEvenWithSpaceToSpare() throws IOException {
        acknowledge(1, 5);
        room(100);
        fixture.clock.advance(Duration.ofDays(7));
        Instant fourthCaptured = frames.get(3).capturedAt();
        Duration age = Duration.between(fourthCaptured, fixture.clock.instant());

        RetentionOutcome outcome = fixture.store.retention(keepFree(1).withMaxAcknowledgedAge(age)).run();

        assertThat(outcome.deletedFrames()).as("frames 1-3 are older; 6 is old but unsynced").isEqualTo(3);
        assertThat(fixture.listAll()).extracting(f -> f.id().sequence()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void aFailureWhileDeletingFilesLeavesTheFramesUnlistedAndTheNextStartFinishesTheJob() throws IOException {
        acknowledge(1, 6);
        room(0);
        fixture.files.fail("delete", "Input/output error");

        assertThatThrownBy(() -> fixture.store.retention(keepFree(2)).run()).isInstanceOf(IOException.class);

        assertThat(fixture.listAll()).as("being deleted: no longer offered to the studio").hasSize(4);
        assertThat(fixture.logged("camera:store:retention"))
                .anySatisfy(m -> assertThat(m.get("action_status")).isEqualTo("failed"));
        fixture.files.heal();
        fixture.reopen();
        assertThat(fixture.frameFiles()).hasSize(4);
        assertThat(fixture.store.stats().frames()).isEqualTo(4);
    }

    @Test
    void thresholdIsTheLargerOfBytesAndShareOfTheDisk() {
        RetentionPolicy policy = RetentionPolicy.defaults().withMinFree(1_000, 10);

        assertThat(policy.thresholdBytes(5_000)).isEqualTo(1_000);
        assertThat(policy.thresholdBytes(100_000)).isEqualTo(10_000);
        assertThat(RetentionPolicy.defaults().deleteUnsynced()).isFalse();
        assertThatThrownBy(() -> RetentionPolicy.defaults().withMinFree(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetentionPolicy.defaults().withMaxAcknowledgedAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
