package studio.timelapse.desktop.sync;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One answer to a ranged frame download, as the agent sent it: a {@code 200} with the whole frame or a {@code 206}
 * from {@code firstByte}, its strong entity tag, the whole file's length and (RFC 9530) digest, and the body, read as
 * it arrives.
 *
 * @param status the HTTP status: 200, 206, or anything else (which carries no frame)
 * @param etag the entity tag without quotes: the frame's SHA-256 in hex
 * @param firstByte where the body starts in the file (0 for a 200)
 * @param totalLength the whole file's length, from {@code Content-Range} or, on a 200, {@code Content-Length}; -1
 *     when the answer does not say
 * @param reprDigestHex the whole file's SHA-256 from {@code Repr-Digest}, in lower-case hex
 */
public record FrameBody(int status, Optional<String> etag, long firstByte, long totalLength,
        Optional<String> reprDigestHex, InputStream body) implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
