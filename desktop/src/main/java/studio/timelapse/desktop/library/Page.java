package studio.timelapse.desktop.library;

import java.util.List;
import java.util.Optional;

/**
 * Frames in capture order, and where the next page starts (empty after the last page). Pages are keyed by position,
 * not by offset, so page 10,000 costs what page 1 costs and frames added meanwhile never shift a page.
 */
public record Page(List<Frame> frames, Optional<PageCursor> next) {
    public Page {
        frames = List.copyOf(frames);
    }
}
