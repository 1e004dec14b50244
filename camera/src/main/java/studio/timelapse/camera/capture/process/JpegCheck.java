package studio.timelapse.camera.capture.process;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;

/**
 * Checks that a camera wrote a whole JPEG: the start-of-image marker, a chain of well-formed segments up to a frame
 * header with a non-zero size, and the end-of-image marker at the end (so a file cut short by a killed tool or a
 * dropped download is caught). It reads the headers only, not the pixels.
 */
public final class JpegCheck {
    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TAIL = 64;

    private JpegCheck() {}

    /** @throws CaptureException {@link Kind#BAD_OUTPUT}, saying what is wrong with the file */
    public static JpegInfo verify(Path file) throws CaptureException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw bad(file, "the file is empty");
            }
            if (size < 4 || readByte(channel, 0) != MARKER || readByte(channel, 1) != SOI) {
                throw bad(file, looksLikeRaw(channel) ? "it is a RAW (TIFF) file, not a JPEG: set the camera to JPEG"
                        : "it does not start with a JPEG start-of-image marker");
            }
            int[] size2d = frameSize(channel, file);
            if (!endsWithEoi(channel)) {
                throw bad(file, "it has no end-of-image marker (cut short?)");
            }
            return new JpegInfo(size2d[0], size2d[1], size);
        } catch (NoSuchFileException e) {
            throw new CaptureException(Kind.BAD_OUTPUT, "the camera tool wrote no file at " + file);
        } catch (IOException e) {
            throw new CaptureException(Kind.BAD_OUTPUT, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Walks the segments from the start to the first frame header and returns {width, height}. */
    private static int[] frameSize(FileChannel channel, Path file) throws IOException, CaptureException {
        long position = 2;
        long size = channel.size();
        while (position + 4 <= size) {
            if (readByte(channel, position) != MARKER) {
                throw bad(file, "its segments are broken at byte " + position);
            }
            int marker = readByte(channel, position + 1);
            if (marker == MARKER) {
                position++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                position += 2; // markers without a length
                continue;
            }
            if (marker == SOS || marker == EOI) {
                throw bad(file, "it has no frame header before its image data");
            }
            int length = readShort(channel, position + 2);
            if (length < 2) {
                throw bad(file, "it has a segment of impossible length at byte " + position);
            }
            if (isFrameHeader(marker)) {
                if (position + 9 > size) {
                    break;
                }
                int height = readShort(channel, position + 5);
                int width = readShort(channel, position + 7);
                if (width == 0 || height == 0) {
                    throw bad(file, "its frame header gives a size of " + width + "x" + height);
                }
                return new int[] {width, height};
            }
            position += 2 + length;
        }
        throw bad(file, "it ends before its frame header (cut short?)");
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The last two bytes, after any zero padding some cameras add, are FF D9. */
    private static boolean endsWithEoi(FileChannel channel) throws IOException {
        long size = channel.size();
        int length = (int) Math.min(TAIL, size);
        ByteBuffer tail = read(channel, size - length, length);
        int end = length;
        while (end > 0 && tail.get(end - 1) == 0) {
            end--;
        }
        return end >= 2 && (tail.get(end - 2) & 0xFF) == MARKER && (tail.get(end - 1) & 0xFF) == EOI;
    }

    private static boolean looksLikeRaw(FileChannel channel) throws IOException {
        if (channel.size() < 4) {
            return false;
        }
        ByteBuffer head = read(channel, 0, 4);
        return (head.get(0) == 'I' && head.get(1) == 'I' && head.get(2) == 42 && head.get(3) == 0)
                || (head.get(0) == 'M' && head.get(1) == 'M' && head.get(2) == 0 && head.get(3) == 42);
    }

    private static int readByte(FileChannel channel, long position) throws IOException {
        return read(channel, position, 1).get(0) & 0xFF;
    }

    private static int readShort(FileChannel channel, long position) throws IOException {
        ByteBuffer two = read(channel, position, 2);
        return ((two.get(0) & 0xFF) << 8) | (two.get(1) & 0xFF);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    private static CaptureException bad(Path file, String problem) {
        return new CaptureException(Kind.BAD_OUTPUT, "not a usable JPEG (" + file.getFileName() + "): " + problem);
    }
}
