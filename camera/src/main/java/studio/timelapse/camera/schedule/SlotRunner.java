package studio.timelapse.camera.schedule;

import java.time.Instant;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;

/** What the loop does at each slot: take and store one frame. */
public interface SlotRunner {

    /** Why no frame may be taken now (disk full of unsynced frames, say); checked before every slot. */
    default Optional<Refusal> hold() {
        return Optional.empty();
    }

    /** Takes the frame of {@code slot}; throws what went wrong (the loop counts it and goes on). */
    void capture(Instant slot) throws Exception;
}
