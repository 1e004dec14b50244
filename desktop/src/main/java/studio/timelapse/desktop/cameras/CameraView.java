package studio.timelapse.desktop.cameras;

import java.time.Instant;
import java.util.Optional;
import studio.timelapse.desktop.library.Camera;
import studio.timelapse.shared.tls.CertificateFingerprint;

/** A camera as lists show it: what the library knows, its state, since when and why. */
public record CameraView(Camera camera, CameraState state, Instant since, Optional<String> why) {

    /** The pinned certificate's short fingerprint, for a person to compare with the camera's console. */
    public Optional<String> fingerprintShort() {
        return camera.certificateFingerprint().map(fp -> CertificateFingerprint.parse(fp).shortForm());
    }
}
