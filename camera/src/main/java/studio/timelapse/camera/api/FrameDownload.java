package studio.timelapse.camera.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.shared.protocol.ErrorBody;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Sends one frame's JPEG as {@link DownloadPlan} decides: 200, 206, 304, 412 or 416, with a strong {@code ETag} (the
 * quoted SHA-256), {@code Last-Modified}, {@code Accept-Ranges: bytes}, the whole file's {@code Repr-Digest} (RFC 9530)
 * and an exact {@code Content-Length}. The file is streamed through a fixed buffer, never held in memory. A client
 * that hangs up mid-body is not an error: the request's log says how many bytes went and that it was cut.
 */
final class FrameDownload {
    /** Enough to keep a LAN busy, small enough for a Pi serving several clients. */
    static final int BUFFER_BYTES = 64 * 1024;

    private final Clock clock;

    FrameDownload(Clock clock) {
        this.clock = clock;
    }

    void send(Context ctx, FrameSource.FrameFile frame, Path file) throws IOException {
        try (FileChannel channel = open(file, frame)) {
            long length = channel.size();
            if (length != frame.size()) {
                throw new IllegalStateException("frame " + frame.id() + " has " + length
                        + " bytes on disk but the index says " + frame.size());
            }
            Representation representation = new Representation(length, frame.sha256(),
                    Files.getLastModifiedTime(file).toInstant());
            DownloadPlan.Answer answer = DownloadPlan.decide(headers(ctx), representation, clock.instant());
            ctx.status(answer.status());
            ctx.header("ETag", representation.etag());
            if (answer instanceof DownloadPlan.NotModified) {
                // A 304 carries the validator and no representation metadata (RFC 9110 §15.4.5); committing now keeps
                // Jetty from adding the "Content-Length: 0" of an empty body, which would be wrong here (§8.6).
                ctx.res().setContentType(null);
                ctx.res().flushBuffer();
                return;
            }
            ctx.header("Last-Modified", HttpDates.format(representation.lastModified()));
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("Repr-Digest", representation.reprDigest());
            if (answer instanceof DownloadPlan.PreconditionFailed failed) {
                ctx.json(ErrorBody.of(412, List.of(Refusal.of(Refusal.Kind.CONFLICT, "api.precondition_failed",
                        failed.header() + " does not hold for frame " + frame.id(),
                        "fetch the frame again without " + failed.header()))));
            } else if (answer instanceof DownloadPlan.RangeNotSatisfiable) {
                ctx.header("Content-Range", "bytes */" + length);
                ctx.json(ErrorBody.of(416, List.of(Invalid.input("Range", "api.range_not_satisfiable",
                        "The range " + ctx.header("Range") + " selects nothing of frame " + frame.id() + " ("
                                + length + " bytes)", "ask for bytes before " + length))));
            } else if (answer instanceof DownloadPlan.Part part) {
                ctx.header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + length);
                body(ctx, channel, part.first(), part.length());
            } else {
                body(ctx, channel, 0, length);
            }
        }
    }

    private static FileChannel open(Path file, FrameSource.FrameFile frame) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            // Retention deleted it between the look-up and now.
            throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "frame.gone",
                    "Frame " + frame.id() + " is no longer on the camera", "list the frames again")
                    .withDetails(Map.of("id", frame.id().toString())));
        }
    }

    private static DownloadPlan.Headers headers(Context ctx) {
        return new DownloadPlan.Headers(ctx.method() == HandlerType.HEAD, header(ctx, "Range"),
                header(ctx, "If-Range"), header(ctx, "If-Match"), header(ctx, "If-None-Match"),
                header(ctx, "If-Modified-Since"), header(ctx, "If-Unmodified-Since"));
    }

    private static Optional<String> header(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    private static void body(Context ctx, FileChannel channel, long first, long count) throws IOException {
        ctx.res().setContentType("image/jpeg");
        ctx.res().setContentLengthLong(count);
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        RequestScope scope = RequestScope.of(ctx);
        OutputStream out = ctx.res().getOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_BYTES, Math.max(count, 1)));
        long position = first;
        long sent = 0;
        while (sent < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - sent));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("frame file ended after " + (position) + " bytes");
            }
            try {
                out.write(buffer.array(), 0, read);
            } catch (IOException clientGone) {
                scope.addEndFields("bytes_sent", sent, "cut", true);
                return;
            }
            position += read;
            sent += read;
        }
        try {
            ctx.res().flushBuffer();
        } catch (IOException clientGone) {
            scope.addEndFields("bytes_sent", sent, "cut", true);
            return;
        }
        scope.addEndFields("bytes_sent", sent);
    }
}
