package studio.timelapse.desktop.library;

import java.time.Instant;

/**
 * Where a listing continues: after the frame at ({@code capturedAt}, {@code frameId}), with {@code candidatesSeen}
 * frames of the listing already passed (what "every Nth frame" counts from). Pass it back as it was given.
 */
public record PageCursor(Instant capturedAt, long frameId, long candidatesSeen) {
    public static PageCursor after(FramePosition position) {
        return new PageCursor(position.capturedAt(), position.frameId(), 0);
    }

    public FramePosition position() {
        return new FramePosition(capturedAt, frameId);
    }
}
