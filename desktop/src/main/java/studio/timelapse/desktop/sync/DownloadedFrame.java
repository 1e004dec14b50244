package studio.timelapse.desktop.sync;

import java.nio.file.Path;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * A frame whose bytes are on the library's disk, complete, synced and checked against the agent's SHA-256: ready
 * to be stored. The file is in the temporary area until the library moves it into place.
 */
record DownloadedFrame(FrameInfo info, Path file) {}
