package studio.timelapse.desktop.ui.common;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A frame to show small: its thumbnail when ingest made one, else its file (a view decodes it scaled down).
 *
 * @param file the frame's file, absolute
 */
public record FrameImage(long frameId, Optional<byte[]> thumbnail, Path file, Instant capturedAt) {}
