package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.protocol.FrameInfo;

/**
 * Fetches one frame into its partial file and proves it whole: it resumes what an earlier attempt (or an earlier
 * process) left with {@code Range} + {@code If-Range}, hashes every byte on the way, and hands the file on only when
 * its length and SHA-256 are the ones the agent listed (and its {@code Repr-Digest} agrees). A cut connection is
 * resumed from where it stopped; a digest that does not match throws the bytes away and fetches the frame anew.
 */
final class FrameDownloader {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final FrameFetch fetch;
    private final PartialFiles partials;
    private final LibrarySpace space;
    private final BandwidthCap cap;
    private final StallGuard stalls;
    private final ActionLog log;
    private final SyncSettings.Persistence persistence;

    FrameDownloader(FrameFetch fetch, PartialFiles partials, LibrarySpace space, BandwidthCap cap, StallGuard stalls,
            ActionLog log, SyncSettings.Persistence persistence) {
        this.fetch = fetch;
        this.partials = partials;
        this.space = space;
        this.cap = cap;
        this.stalls = stalls;
        this.log = log;
        this.persistence = persistence;
    }

    /** A failed attempt that fetched {@code progressed} new bytes before it failed. */
    private static final class AttemptFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final long progressed;

        AttemptFailed(IOException cause, long progressed) {
            super(cause.getMessage(), cause);
            this.progressed = progressed;
        }
    }

    /** The bytes were all there but were not the frame's: thrown away, to be fetched anew. */
    private static final class DigestMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        DigestMismatch(String message) {
            super(message);
        }
    }

    /** The disk, not the network, failed: not something a retry of the frame fixes. */
    private static final class DiskFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final IOException failure;

        DiskFailure(IOException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    /**
     * Downloads {@code frame} until it is whole and proven.
     *
     * @throws IOException the connection kept failing without progress, or the disk failed
     * @throws LibraryFullException no room on the library's disk
     * @throws FrameUnavailableException the camera no longer has the frame, or only a corrupt copy of it
     */
    DownloadedFrame download(FrameInfo frame, StopSignal stop)
            throws IOException, LibraryFullException, FrameUnavailableException, InterruptedException {
        Path part = partials.of(frame);
        int cutsWithoutProgress = 0;
        int mismatches = 0;
        long pause = persistence.firstPause().toMillis();
        while (true) {
            stop.throwIfStopped();
            try {
                attempt(frame, part, stop);
                return new DownloadedFrame(frame, part);
            } catch (AttemptFailed failed) {
                cutsWithoutProgress = failed.progressed > 0 ? 0 : cutsWithoutProgress + 1;
                log.message("studio:sync:download_retry", "frame", frame.id().toString(), "reason",
                        failed.getMessage(), "progressed_bytes", failed.progressed, "have_bytes", sizeOf(part),
                        "cuts_without_progress", cutsWithoutProgress);
                if (cutsWithoutProgress > persistence.cutsWithoutProgress()) {
                    throw (IOException) failed.getCause();
                }
                if (failed.progressed > 0) {
                    pause = persistence.firstPause().toMillis();
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, persistence.maxPause().toMillis());
            } catch (DigestMismatch mismatch) {
                mismatches++;
                Files.deleteIfExists(part);
                log.message("studio:sync:digest_mismatch", "frame", frame.id().toString(), "reason",
                        mismatch.getMessage(), "mismatches", mismatches);
                if (mismatches >= persistence.digestMismatches()) {
                    throw new FrameUnavailableException(frame.id(), FrameUnavailableException.Why.CORRUPT_ON_CAMERA,
                            "frame " + frame.id() + " never arrived as its SHA-256 says after " + mismatches
                                    + " whole downloads: the camera's copy is corrupt (" + mismatch.getMessage() + ")");
                }
            } catch (DiskFailure disk) {
                Exception classified = space.classify(disk.failure, frame.size());
                if (classified instanceof LibraryFullException full) {
                    throw full;
                }
                throw disk.failure;
            }
        }
    }

    /** One request: returns the file's length once it is whole and proven. */
    private long attempt(FrameInfo frame, Path part, StopSignal stop) throws AttemptFailed, DigestMismatch,
            DiskFailure, FrameUnavailableException, LibraryFullException, IOException, InterruptedException {
        long have = sizeOf(part);
        if (have > frame.size()) {
            Files.delete(part);
            have = 0;
        }
        if (have == frame.size()) {
            verify(frame, part, digestOf(part), java.util.Optional.empty());
            return have;
        }
        space.requireRoomFor(frame.size() - have);
        long written = 0;
        try (FrameBody body = fetch.open(frame.id(), have, frame.sha256())) {
            long from = startOf(frame, body, have);
            if (from == 0 && have > 0) {
                have = 0;
            }
            MessageDigest digest = from == 0 ? sha256() : digestOf(part);
            try (FileChannel file = openForWriting(part, from); StallGuard.Read watch = stalls.watch()) {
                InputStream in = body.body();
                byte[] buffer = new byte[BUFFER_BYTES];
                long position = from;
                while (position < frame.size()) {
                    int read;
                    try {
                        watch.begin();
                        read = in.read(buffer, 0, (int) Math.min(buffer.length, frame.size() - position));
                    } catch (IOException cut) {
                        throw new AttemptFailed(watch.stalled() ? new IOException("frame " + frame.id()
                                + " stalled: no byte for " + stalls.limit().toSeconds() + " s", cut) : cut, written);
                    } finally {
                        watch.end();
                    }
                    if (read < 0) {
                        throw new AttemptFailed(new IOException("the answer for frame " + frame.id() + " ended after "
                                + position + " of " + frame.size() + " bytes"), written);
                    }
                    cap.take(read, stop);
                    digest.update(buffer, 0, read);
                    write(file, buffer, read);
                    position += read;
                    written += read;
                    stop.throwIfStopped();
                }
                try {
                    file.force(false); // the bytes and the length: all a frame needs
                } catch (IOException e) {
                    throw new DiskFailure(e);
                }
            }
            verify(frame, part, digest, body.reprDigestHex());
            return frame.size();
        } catch (IOException opening) {
            // Opening the request or reading its headers failed: the connection, not the disk.
            throw new AttemptFailed(opening, written);
        }
    }

    /** Where the body starts, after checking the answer is the frame the listing described. */
    private long startOf(FrameInfo frame, FrameBody body, long have) throws IOException, DigestMismatch,
            FrameUnavailableException, DiskFailure {
        if (body.status() == 404) {
            throw new FrameUnavailableException(frame.id(), FrameUnavailableException.Why.GONE,
                    "frame " + frame.id() + " is no longer on the camera");
        }
        if (body.status() == 416) {
            // Our partial is not a prefix of anything the camera has: start again.
            deletePartial(frame);
            throw new IOException("the camera could not serve bytes " + have + "- of frame " + frame.id());
        }
        if (body.status() != 200 && body.status() != 206) {
            throw new IOException("the camera answered " + body.status() + " for frame " + frame.id());
        }
        if (body.etag().isPresent() && !body.etag().get().equals(frame.sha256())) {
            throw new DigestMismatch("the camera sends frame " + frame.id() + " with tag " + body.etag().get()
                    + " but listed it with " + frame.sha256());
        }
        if (body.totalLength() >= 0 && body.totalLength() != frame.size()) {
            throw new DigestMismatch("the camera sends frame " + frame.id() + " as " + body.totalLength()
                    + " bytes but listed " + frame.size());
        }
        if (body.status() == 206 && body.firstByte() != have) {
            throw new IOException("asked for frame " + frame.id() + " from byte " + have + " but got it from "
                    + body.firstByte());
        }
        return body.status() == 206 ? body.firstByte() : 0;
    }

    private void deletePartial(FrameInfo frame) throws DiskFailure {
        try {
            Files.deleteIfExists(partials.of(frame));
        } catch (IOException e) {
            throw new DiskFailure(e);
        }
    }

    private static FileChannel openForWriting(Path part, long from) throws DiskFailure {
        try {
            FileChannel file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            file.truncate(from);
            file.position(from);
            return file;
        } catch (IOException e) {
            throw new DiskFailure(e);
        }
    }

    private static void write(FileChannel file, byte[] buffer, int length) throws DiskFailure {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        try {
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw new DiskFailure(e);
        }
    }

    private static void verify(FrameInfo frame, Path part, MessageDigest digest,
            java.util.Optional<String> reprDigestHex) throws DigestMismatch, IOException {
        String actual = HEX.formatHex(digest.digest());
        if (!actual.equals(frame.sha256())) {
            throw new DigestMismatch("frame " + frame.id() + " arrived with SHA-256 " + actual + ", listed as "
                    + frame.sha256());
        }
        if (reprDigestHex.isPresent() && !reprDigestHex.get().equals(actual)) {
            throw new DigestMismatch("frame " + frame.id() + " has SHA-256 " + actual + " but its Repr-Digest says "
                    + reprDigestHex.get());
        }
        if (Files.size(part) != frame.size()) {
            throw new DigestMismatch("frame " + frame.id() + " is " + Files.size(part) + " bytes, listed as "
                    + frame.size());
        }
    }

    private static MessageDigest digestOf(Path part) throws IOException {
        MessageDigest digest = sha256();
        if (!Files.exists(part)) {
            return digest;
        }
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return digest;
    }

    private static long sizeOf(Path part) throws IOException {
        return Files.exists(part) ? Files.size(part) : 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
