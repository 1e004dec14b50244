package studio.timelapse.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.refusal.RefusedException;

class CamerasTest {
    @RegisterExtension
    final LibraryFixture fixture = new LibraryFixture();

    @Test
    void addingAKnownCameraAgainUpdatesItsAddressAndKeepsItsPairing() {
        Cameras cameras = fixture.cameras();
        cameras.add("cam-1", "North field", "192.168.1.20", 8443);
        cameras.markPaired("cam-1", "ab".repeat(32), "studio-9", Instant.parse("2024-06-21T10:00:00Z"));
        Camera again = cameras.add("cam-1", "North field", "192.168.1.31", 9443);
        assertThat(again.host()).isEqualTo("192.168.1.31");
        assertThat(again.port()).isEqualTo(9443);
        assertThat(again.paired()).isTrue();
        assertThat(again.studioId()).contains("studio-9");
        assertThat(again.addedAt()).isEqualTo(LibraryFixture.START);
        assertThat(cameras.all()).hasSize(1);
        assertThat(fixture.sequences().all()).hasSize(1);
    }

    @Test
    void unpairingForgetsTheCertificate() {
        Cameras cameras = fixture.cameras();
        cameras.add("cam-1", "cam", "127.0.0.1", 8443);
        cameras.markPaired("cam-1", "ab".repeat(32), "studio-9", LibraryFixture.START);
        Camera camera = cameras.markUnpaired("cam-1");
        assertThat(camera.paired()).isFalse();
        assertThat(camera.certificateFingerprint()).isEmpty();
        assertThat(camera.pairedAt()).isEmpty();
    }

    @Test
    void aSightingMovesTheCamerasAddress() {
        Cameras cameras = fixture.cameras();
        cameras.add("cam-1", "cam", "127.0.0.1", 8443);
        Instant seen = Instant.parse("2024-06-21T11:00:00Z");
        Camera camera = cameras.markSeen("cam-1", "::1", 8444, seen);
        assertThat(camera.lastSeenAt()).contains(seen);
        assertThat(camera.host()).isEqualTo("::1");
    }

    @Test
    void aCamerasLocationIsKeptForDaytimeRules() {
        Cameras cameras = fixture.cameras();
        cameras.add("cam-1", "cam", "127.0.0.1", 8443);
        Camera located = cameras.locate("cam-1", Optional.of(GeoPosition.of(46.2, 6.15)));
        assertThat(located.location()).get().satisfies(p -> {
            assertThat(p.latitude()).isEqualTo(46.2);
            assertThat(p.longitude()).isEqualTo(6.15);
        });
        assertThat(cameras.locate("cam-1", Optional.empty()).location()).isEmpty();
    }

    @Test
    void twoCamerasWithOneNameGetStreamsWithTheirOwnNames() {
        fixture.cameras().add("cam-1", "Garden", "127.0.0.1", 8443);
        fixture.cameras().add("cam-2", "Garden", "127.0.0.1", 8444);
        assertThat(fixture.sequences().streamOf("cam-2")).get().extracting(Sequence::name)
                .isEqualTo("Garden (cam-2)");
    }

    @Test
    void changesToAnUnknownCameraAreRefused() {
        assertThatThrownBy(() -> fixture.cameras().markSeen("ghost", "127.0.0.1", 1, LibraryFixture.START))
                .isInstanceOf(RefusedException.class).hasMessageContaining("no camera ghost");
    }
}
