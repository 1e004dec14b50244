package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import studio.timelapse.shared.protocol.FrameInfo;

/** What must hold of a store after anything at all happened to it. */
final class StoreAudit {
    private StoreAudit() {}

    /**
     * Frames 1..n are indexed without a hole, each with its whole file and the right SHA-256; no file of ours is
     * unindexed; nothing is left in .incoming.
     */
    static List<FrameInfo> assertWholeAndGapFree(StoreFixture fixture) {
        List<FrameInfo> frames = fixture.listAll();
        assertThat(frames).extracting(f -> f.id().sequence())
                .as("sequence numbers with no hole").containsExactlyElementsOf(
                        LongStream.rangeClosed(1, frames.size()).boxed().toList());
        assertThat(fixture.store.stats().lastSequence()).isEqualTo(frames.size());
        for (FrameInfo frame : frames) {
            Path file = fixture.store.file(frame.id()).orElseThrow(() -> new AssertionError("no file for " + frame.id()));
            assertThat(sha256(file)).as("SHA-256 of " + frame.id()).isEqualTo(frame.sha256());
            assertThat(size(file)).isEqualTo(frame.size());
        }
        assertThat(fixture.frameFiles()).as("frame files on disk").hasSize(frames.size());
        assertThat(fixture.incoming()).as("temporary files left").isEmpty();
        return frames;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
