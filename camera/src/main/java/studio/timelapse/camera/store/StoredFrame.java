package studio.timelapse.camera.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * Everything the index knows about a frame: what the protocol lists ({@link #info()}) and the store's own facts.
 *
 * @param path the file relative to {@code <home>/frames}, '/'-separated
 * @param settings what the scheduler asked for; empty for a frame recovered after a crash
 * @param slot the scheduled slot it belongs to; empty for a recovered frame
 * @param storedAt when the store committed it, by the agent's clock
 * @param recovered whether its row was rebuilt from the file after a crash between rename and commit
 * @param missingSince when its file was found missing, while it is
 */
public record StoredFrame(FrameInfo info, String path, Optional<FrameSettings> settings, Optional<Instant> slot,
        Instant storedAt, Optional<Instant> acknowledgedAt, boolean recovered, Optional<Instant> missingSince) {

    public StoredFrame {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(path, "path");
    }
}
