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

/**
 * A frame file's size and SHA-256, read in one pass that also checks it is a whole JPEG: it starts with the
 * start-of-image marker and a segment, and its very last bytes are the end-of-image marker. A file cut short by a
 * full card, or padded with zeros after a power cut, fails the check.
 */
record FrameDigest(long size, String sha256) {
    private static final int BUFFER = 64 * 1024;

    static FrameDigest of(Path file) throws IOException {
        MessageDigest sha = newSha256();
        byte[] head = new byte[3];
        int headLength = 0;
        int last = -1;
        int beforeLast = -1;
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (channel.read(buffer) != -1) {
                buffer.flip();
                byte[] chunk = buffer.array();
                int length = buffer.limit();
                sha.update(chunk, 0, length);
                for (int i = 0; i < length && headLength < head.length; i++) {
                    head[headLength++] = chunk[i];
                }
                if (length >= 2) {
                    beforeLast = chunk[length - 2] & 0xff;
                    last = chunk[length - 1] & 0xff;
                } else if (length == 1) {
                    beforeLast = last;
                    last = chunk[0] & 0xff;
                }
                size += length;
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            throw new IncompleteFrameException("the camera wrote no file at " + file.getFileName(), 0);
        }
        if (size == 0) {
            throw new IncompleteFrameException("the camera wrote an empty file", 0);
        }
        if (headLength < 3 || (head[0] & 0xff) != 0xff || (head[1] & 0xff) != 0xd8 || (head[2] & 0xff) != 0xff) {
            throw new IncompleteFrameException("the camera's file (" + size + " bytes) is not a JPEG: it does not start"
                    + " with the start-of-image marker", size);
        }
        if (beforeLast != 0xff || last != 0xd9 || size < 4) {
            throw new IncompleteFrameException("the camera's JPEG (" + size + " bytes) is cut short: it does not end"
                    + " with the end-of-image marker", size);
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
