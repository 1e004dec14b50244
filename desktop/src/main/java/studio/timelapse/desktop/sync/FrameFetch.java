package studio.timelapse.desktop.sync;

import java.io.IOException;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Opens one download of a frame: {@code GET /api/v1/frames/{id}} with {@code Range: bytes=<fromByte>-} and
 * {@code If-Range: "<etag>"} when {@code fromByte} is above zero, so that the agent sends the rest of the same file or,
 * if the file is not the one the studio started, the whole of it.
 */
@FunctionalInterface
public interface FrameFetch {
    FrameBody open(FrameId id, long fromByte, String etag) throws IOException;
}
