package studio.timelapse.shared.protocol;

import java.util.List;
import java.util.Optional;

/**
 * One page of frames after a cursor, in sequence order.
 *
 * @param next the cursor for the following page, present when more frames follow
 */
public record FramePage(List<FrameInfo> frames, Optional<FrameId> next) {
    public FramePage {
        frames = List.copyOf(frames);
    }
}
