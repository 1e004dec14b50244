package studio.timelapse.camera.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import studio.timelapse.camera.capture.CaptureException.Kind;

/**
 * The one answer to "is this a whole JPEG?", for the backends (before they report a frame) and for the store (before
 * it indexes one, in the same pass that hashes the file):
 *
 * <ul>
 *   <li>it starts with the start-of-image marker, followed by a chain of well-formed segments up to a frame header
 *       with a non-zero size (so it can be decoded, and its size is known);
 *   <li>it ends with the end-of-image marker, after at most {@value #MAX_PADDING} zero bytes of padding, which some
 *       cameras add. More zeros than that are what a power cut leaves where the end of a file never reached the disk
 *       (a lost block is kilobytes of zeros), and the file is refused as cut short.
 * </ul>
 *
 * It reads the headers and the end, never decodes the pixels. Feed a {@link Scan} every byte of a file in order
 * ({@link Scan#update}), or let {@link #verify} read just the start and the end of one.
 */
public final class JpegCheck {
    /** The most zero bytes accepted after the end-of-image marker. */
    public static final int MAX_PADDING = 62;
    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TAIL = MAX_PADDING + 2;
    private static final int CHUNK = 64 * 1024;

    private JpegCheck() {}

    /** Why a file is not a whole JPEG, in words for the log and the status ("the file is empty"). */
    public static final class NotAJpegException extends Exception {
        private static final long serialVersionUID = 1L;

        NotAJpegException(String reason) {
            super(reason);
        }
    }

    /**
     * Checks the file a backend wrote, reading its headers and its last bytes.
     *
     * @throws CaptureException {@link Kind#BAD_OUTPUT}, saying what is wrong with the file
     */
    public static JpegInfo verify(Path file) throws CaptureException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            Scan scan = new Scan();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(size, 1)));
            long position = 0;
            while (!scan.headerRead() && position < size) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                scan.update(buffer.array(), 0, read);
                position += read;
            }
            long tailStart = Math.max(position, size - TAIL);
            if (tailStart < size) {
                scan.skipTo(tailStart);
                ByteBuffer tail = ByteBuffer.allocate((int) (size - tailStart));
                while (tail.hasRemaining() && channel.read(tail, tailStart + tail.position()) >= 0) {
                    // read on
                }
                scan.update(tail.array(), 0, tail.position());
            }
            return scan.finish();
        } catch (NoSuchFileException e) {
            throw new CaptureException(Kind.BAD_OUTPUT, "the camera wrote no file at " + file);
        } catch (IOException e) {
            throw new CaptureException(Kind.BAD_OUTPUT, "could not read " + file + ": " + e.getMessage(), e);
        } catch (NotAJpegException e) {
            throw new CaptureException(Kind.BAD_OUTPUT,
                    "not a usable JPEG (" + file.getFileName() + "): " + e.getMessage());
        }
    }

    /**
     * A file's bytes as they go by: the segments are walked up to the frame header, and the last bytes kept to find
     * the end-of-image marker. Not thread-safe; one per file.
     */
    public static final class Scan {
        private final byte[] head = new byte[4];
        private final byte[] tail = new byte[TAIL];
        private int tailLength;
        private long position;
        private Walk walk = Walk.START;
        /** Bytes of the current field read so far (marker, length, frame header) and their value. */
        private int fieldBytes;
        private int value;
        private int marker;
        private long toSkip;
        private int height;
        private int width;
        private NotAJpegException broken;

        /** Where the segment walk is. */
        private enum Walk { START, MARKER, LENGTH, SKIP, FRAME_HEADER, DONE }

        /** Whether the frame header has been read: what remains to check is the end of the file. */
        public boolean headerRead() {
            return walk == Walk.DONE || broken != null;
        }

        /** Jumps to {@code newPosition}, once the header is read; the bytes skipped are not looked at. */
        void skipTo(long newPosition) {
            if (!headerRead() || newPosition < position) {
                throw new IllegalStateException("can skip only forward, after the frame header");
            }
            if (newPosition > position) {
                tailLength = 0;
                position = newPosition;
            }
        }

        /** The next {@code length} bytes of the file. */
        public void update(byte[] bytes, int offset, int length) {
            for (int i = 0; i < length && position + i < head.length; i++) {
                head[(int) position + i] = bytes[offset + i];
            }
            int walked = 0;
            while (walked < length && !headerRead()) {
                walk(bytes[offset + walked] & 0xFF);
                position++;
                walked++;
            }
            position += length - walked;
            keepTail(bytes, offset, length);
        }

        private void walk(int b) {
            switch (walk) {
                case START -> {
                    if ((position == 0 && b != MARKER) || (position == 1 && b != SOI)) {
                        fail("it is not a JPEG: it does not start with a JPEG start-of-image marker");
                    } else if (position == 1) {
                        walk = Walk.MARKER;
                        fieldBytes = 0;
                    }
                }
                case MARKER -> {
                    if (fieldBytes == 0) {
                        if (b != MARKER) {
                            fail("its segments are broken at byte " + position);
                        }
                        fieldBytes = 1;
                    } else if (b == MARKER) {
                        // a fill byte: the marker follows
                    } else if (b == 0x01 || (b >= 0xD0 && b <= 0xD7)) {
                        fieldBytes = 0; // markers without a length
                    } else if (b == SOS || b == EOI) {
                        fail("it has no frame header before its image data");
                    } else {
                        marker = b;
                        walk = Walk.LENGTH;
                        fieldBytes = 0;
                        value = 0;
                    }
                }
                case LENGTH -> {
                    value = (value << 8) | b;
                    if (++fieldBytes == 2) {
                        if (value < 2) {
                            fail("it has a segment of impossible length at byte " + (position - 3));
                        } else if (isFrameHeader(marker)) {
                            walk = Walk.FRAME_HEADER;
                            fieldBytes = 0;
                        } else {
                            toSkip = value - 2;
                            walk = toSkip == 0 ? Walk.MARKER : Walk.SKIP;
                            fieldBytes = 0;
                        }
                    }
                }
                case SKIP -> {
                    if (--toSkip == 0) {
                        walk = Walk.MARKER;
                        fieldBytes = 0;
                    }
                }
                case FRAME_HEADER -> {
                    // precision (1 byte), height (2), width (2)
                    fieldBytes++;
                    if (fieldBytes == 2 || fieldBytes == 3) {
                        height = (height << 8) | b;
                    } else if (fieldBytes == 4 || fieldBytes == 5) {
                        width = (width << 8) | b;
                    }
                    if (fieldBytes == 5) {
                        if (width == 0 || height == 0) {
                            fail("its frame header gives a size of " + width + "x" + height);
                        } else {
                            walk = Walk.DONE;
                        }
                    }
                }
                case DONE -> { }
            }
        }

        private void keepTail(byte[] bytes, int offset, int length) {
            if (length >= TAIL) {
                System.arraycopy(bytes, offset + length - TAIL, tail, 0, TAIL);
                tailLength = TAIL;
            } else if (length > 0) {
                int keep = Math.min(tailLength, TAIL - length);
                System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                System.arraycopy(bytes, offset, tail, keep, length);
                tailLength = keep + length;
            }
        }

        private void fail(String reason) {
            if (broken == null) {
                broken = new NotAJpegException(reason);
            }
        }

        /** The verdict on all the bytes seen. */
        public JpegInfo finish() throws NotAJpegException {
            if (position == 0) {
                throw new NotAJpegException("the file is empty");
            }
            if (looksLikeRaw()) {
                throw new NotAJpegException("it is a RAW (TIFF) file, not a JPEG: set the camera to JPEG");
            }
            if (broken != null) {
                throw broken;
            }
            if (walk != Walk.DONE) {
                throw new NotAJpegException(walk == Walk.START
                        ? "it is not a JPEG: it does not start with a JPEG start-of-image marker"
                        : "it ends before its frame header (cut short?)");
            }
            int end = tailLength;
            while (end > 0 && tail[end - 1] == 0) {
                end--;
            }
            if (tailLength - end > MAX_PADDING) {
                throw new NotAJpegException("it ends in more than " + MAX_PADDING + " zero bytes, not the "
                        + "end-of-image marker (cut short?)");
            }
            if (end < 2 || (tail[end - 2] & 0xFF) != MARKER || (tail[end - 1] & 0xFF) != EOI) {
                throw new NotAJpegException("it has no end-of-image marker (cut short?)");
            }
            return new JpegInfo(width, height, position);
        }

        private boolean looksLikeRaw() {
            return position >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                    || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42));
        }
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
