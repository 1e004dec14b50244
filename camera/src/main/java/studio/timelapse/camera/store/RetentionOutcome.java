package studio.timelapse.camera.store;

import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/**
 * What one retention run did, and whether capture may go on.
 *
 * @param pause present when capture must pause: the free space is still under the threshold and nothing is left
 *     that retention may delete; its reason and remedy are what the camera's state shows
 * @param deletedUnsynced of the deleted frames, how many the studio had not acknowledged (only with
 *     {@link RetentionPolicy#deleteUnsynced()})
 * @param space the volume after the run
 */
public record RetentionOutcome(Optional<Refusal> pause, long deletedFrames, long deletedBytes, long deletedUnsynced,
        SpaceReading space, long thresholdBytes) {

    public boolean mayCapture() {
        return pause.isEmpty();
    }
}
