package studio.timelapse.camera.store;

import java.util.Optional;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * The store at a glance, for the agent's status and the studio's camera screen.
 *
 * @param lastSequence the last sequence number handed out (frames deleted by retention included)
 * @param frames frames indexed
 * @param oldestUnsynced the frame the studio should fetch first
 * @param missingFiles indexed frames whose file is gone (each was reported as {@code camera:store:missing_file})
 */
public record StoreStats(String epoch, long lastSequence, long frames, long unsyncedFrames, long unsyncedBytes,
        long acknowledgedFrames, long acknowledgedBytes, Optional<FrameInfo> oldestUnsynced, Optional<FrameInfo> latest,
        long missingFiles, SpaceReading space) {}
