package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import studio.timelapse.camera.capture.JpegCheck;

/**
 * A frame file's size and SHA-256, read in one pass that also checks, with {@link JpegCheck}, that it is a whole
 * JPEG. A file cut short by a full card, or ending in a block of zeros after a power cut, fails the check.
 */
record FrameDigest(long size, String sha256) {
    private static final int BUFFER = 64 * 1024;

    static FrameDigest of(Path file) throws IOException {
        MessageDigest sha = newSha256();
        JpegCheck.Scan jpeg = new JpegCheck.Scan();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (channel.read(buffer) != -1) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                jpeg.update(buffer.array(), 0, buffer.limit());
                size += buffer.limit();
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            throw new IncompleteFrameException("the camera wrote no file at " + file.getFileName(), 0);
        }
        try {
            jpeg.finish();
        } catch (JpegCheck.NotAJpegException e) {
            throw new IncompleteFrameException("the camera's file (" + size + " bytes) is not a whole JPEG: "
                    + e.getMessage(), size);
        }
        return new FrameDigest(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
