package studio.timelapse.desktop.cameras.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.timelapse.shared.protocol.FrameId;

/**
 * A frame's JPEG as it streams from the agent, with what the headers say about it. {@code 200} is the whole file
 * (also the answer to a resume whose {@code If-Range} no longer matched: start the file again); {@code 206} is the
 * rest of it from {@link #firstByte()}. Read {@link #body()} and close this; nothing is held in memory.
 *
 * <p>Check the assembled file against {@link #sha256()} (the whole file's digest, from {@code Repr-Digest}, also on a
 * {@code 206}) or the listing's {@code sha256}.
 */
public final class FrameDownload implements AutoCloseable {
    private static final Pattern SHA_256 = Pattern.compile("(?i)(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/=]+):");
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?i)bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    /** {@code Content-Range: bytes <first>-<last>/<length>} of a {@code 206}. */
    public record ContentRange(long first, long last, OptionalLong length) {}

    private final FrameId frame;
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;

    FrameDownload(FrameId frame, int status, HttpHeaders headers, InputStream body) {
        this.frame = frame;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public FrameId frame() {
        return frame;
    }

    /** {@code 200} (the whole file) or {@code 206} (from {@link #firstByte()} on). */
    public int status() {
        return status;
    }

    /** Whether this is the rest of a file ({@code 206}) rather than all of it. */
    public boolean partial() {
        return status == 206;
    }

    /** Where in the file the body starts: 0 for a whole file. */
    public long firstByte() {
        return contentRange().map(ContentRange::first).orElse(0L);
    }

    /** Bytes in this answer's body, if the agent said ({@code Content-Length}). */
    public OptionalLong contentLength() {
        return headers.firstValueAsLong("Content-Length");
    }

    /** The strong entity tag, quotes included ({@code "<sha256>"}): send it back as {@code If-Range} to resume. */
    public Optional<String> etag() {
        return headers.firstValue("ETag");
    }

    public Optional<ContentRange> contentRange() {
        return headers.firstValue("Content-Range").flatMap(value -> {
            Matcher range = CONTENT_RANGE.matcher(value.strip());
            if (!range.matches()) {
                return Optional.empty();
            }
            OptionalLong length = range.group(3).equals("*") ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(range.group(3)));
            return Optional.of(new ContentRange(Long.parseLong(range.group(1)), Long.parseLong(range.group(2)),
                    length));
        });
    }

    /** The whole file's size: from the range of a {@code 206}, else the length of a {@code 200}. */
    public OptionalLong fileSize() {
        Optional<ContentRange> range = contentRange();
        if (range.isPresent()) {
            return range.get().length();
        }
        return partial() ? OptionalLong.empty() : contentLength();
    }

    /** The whole file's SHA-256 in lower-case hex, from {@code Repr-Digest: sha-256=:<base64>:} (RFC 9530). */
    public Optional<String> sha256() {
        return headers.firstValue("Repr-Digest").flatMap(value -> {
            Matcher digest = SHA_256.matcher(value);
            if (!digest.find()) {
                return Optional.empty();
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(digest.group(1));
                return bytes.length == 32 ? Optional.of(HexFormat.of().formatHex(bytes)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** When the agent wrote the file ({@code Last-Modified}). */
    public Optional<Instant> lastModified() {
        return headers.firstValue("Last-Modified").flatMap(value -> {
            try {
                return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The bytes, streamed from the connection; a cut connection is an {@link IOException} while reading. */
    public InputStream body() {
        return body;
    }

    /** Closes the stream; an unread rest is abandoned (the connection is dropped, not drained). */
    @Override
    public void close() throws IOException {
        body.close();
    }
}
