package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

class AcknowledgementTest {
    @TempDir
    Path home;
    StoreFixture fixture;
    String epoch;

    @BeforeEach
    void openStore() throws IOException {
        fixture = new StoreFixture(home);
        epoch = fixture.store.epoch();
        fixture.take(5);
    }

    @AfterEach
    void closeStore() throws IOException {
        fixture.close();
    }

    @Test
    void acknowledgingCountsOnlyFramesThatWereNotAcknowledgedBefore() {
        assertThat(fixture.store.acknowledge(new Acknowledgement(epoch, 1, 3))).isEqualTo(3);
        assertThat(fixture.store.acknowledge(new Acknowledgement(epoch, 1, 3))).as("the same again").isZero();
        assertThat(fixture.store.acknowledge(new Acknowledgement(epoch, 2, 5))).as("overlapping").isEqualTo(2);

        assertThat(fixture.listAll()).allMatch(FrameInfo::acknowledged);
        assertThat(fixture.store.stats().unsyncedFrames()).isZero();
    }

    @Test
    void theTimeOfTheAcknowledgementIsKept() {
        fixture.clock.advance(Duration.ofMinutes(3));

        fixture.store.acknowledge(new Acknowledgement(epoch, 2, 2));

        List<FrameInfo> frames = fixture.listAll();
        assertThat(frames).extracting(FrameInfo::acknowledged).containsExactly(false, true, false, false, false);
        assertThat(fixture.store.stored(frames.get(1).id()).orElseThrow().acknowledgedAt())
                .contains(fixture.clock.instant());
    }

    @Test
    void anotherEpochIsNotFoundAndChangesNothing() {
        assertThatThrownBy(() -> fixture.store.acknowledge(new Acknowledgement("someoneelse", 1, 5)))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusals().get(0).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
                    assertThat(e.refusals().get(0).reason()).contains("someoneelse").contains(epoch);
                });
        assertThat(fixture.store.stats().unsyncedFrames()).isEqualTo(5);
    }

    @Test
    void framesNotYetTakenCannotBeAcknowledgedAndNothingChanges() {
        assertThatThrownBy(() -> fixture.store.acknowledge(new Acknowledgement(epoch, 1, 6)))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusals().get(0).kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(e.refusals().get(0).reason()).contains("Frame 6 has not been taken yet");
                });
        assertThat(fixture.store.stats().unsyncedFrames()).isEqualTo(5);
    }

    @Test
    void eachAcknowledgementIsLoggedWithHowManyItAcknowledged() {
        fixture.store.acknowledge(new Acknowledgement(epoch, 4, 5));

        assertThat(fixture.logged("camera:store:acknowledge"))
                .anySatisfy(m -> assertThat(m.get("acknowledged")).isEqualTo(2L));
    }
}
