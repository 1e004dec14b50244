package studio.timelapse.desktop.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * Analyses one JPEG frame: size, orientation, thumbnail, mean luma and histogram, EXIF exposure and capture time.
 *
 * <p>The image data is read by {@link DcDecoder}, which decodes only each 8×8 block's DC coefficient: for a
 * 12-megapixel frame that is a 507×380 image of block means, enough for luma statistics and a 320 px thumbnail, at a
 * fraction of a full decode's cost. Progressive JPEGs go through the JDK's decoder with subsampling instead, giving
 * the same block means more slowly. Thread-safe: one analyzer serves every thread (each keeps its own read buffer).
 */
public final class FrameAnalyzer {
    /** Larger files are not camera frames; refusing them keeps one analysis's memory bounded. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** Larger images are not camera frames either; the block planes of one stay under ~20 MB. */
    static final long MAX_PIXELS = 250_000_000L;

    /** Files up to this size are read into a buffer each thread keeps; larger ones get their own array. */
    private static final int KEPT_BUFFER_BYTES = 32 << 20;

    /**
     * Each thread's read buffer: a 12-megapixel frame is several megabytes, and a fresh array per frame costs page
     * faults and (as a humongous object) collector work, at 30 frames a second.
     */
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[0]);

    public FrameAnalysis analyze(Path file) throws IngestFailure {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                throw new IngestFailure(Kind.UNSUPPORTED, "a file of " + size + " bytes, larger than any camera frame");
            }
            byte[] buffer = buffers.get();
            if (buffer.length < size) {
                buffer = new byte[(int) size];
                if (size <= KEPT_BUFFER_BYTES) {
                    buffers.set(buffer);
                }
            }
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) size);
            while (target.hasRemaining() && channel.read(target) >= 0) {
                // reads until the buffer holds the whole file, or the file turns out shorter than it was
            }
            return analyze(buffer, target.position());
        } catch (NoSuchFileException e) {
            throw new IngestFailure(Kind.UNREADABLE, "the file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IngestFailure(Kind.UNREADABLE, "no permission to read " + file, e);
        } catch (IOException e) {
            throw new IngestFailure(Kind.UNREADABLE, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public FrameAnalysis analyze(byte[] jpeg) throws IngestFailure {
        return analyze(jpeg, jpeg.length);
    }

    /** Analyses the first {@code length} bytes of {@code data}. */
    public FrameAnalysis analyze(byte[] data, int length) throws IngestFailure {
        JpegHeader header = JpegHeader.read(data, length);
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new IngestFailure(Kind.UNSUPPORTED, "an image of " + header.width() + "x" + header.height()
                    + " pixels, larger than any camera frame");
        }
        ExifFacts exif = header.exif().map(range -> ExifFacts.read(data, range)).orElse(ExifFacts.NONE);
        BlockImage blocks;
        FrameAnalysis.Decoding decoding;
        if (header.isSequentialHuffman8Bit()) {
            blocks = BlockColour.toImage(DcDecoder.decode(data, length, header));
            decoding = FrameAnalysis.Decoding.DC_COEFFICIENTS;
        } else if (header.frameMarker() == JpegSegments.SOF2 && header.precision() == 8) {
            blocks = ImageIoDecoder.blocks(data, length, header);
            decoding = FrameAnalysis.Decoding.IMAGEIO;
        } else {
            throw new IngestFailure(Kind.UNSUPPORTED, "a " + header.codingName() + " JPEG, which the studio does not "
                    + "decode");
        }
        LumaStatistics luma = LumaStatistics.of(blocks);
        Thumbnail thumbnail = thumbnail(data, length, header, exif, blocks);
        List<String> notes = new ArrayList<>(exif.notes());
        return new FrameAnalysis(header.width(), header.height(), exif.orientation(), thumbnail, luma.mean(),
                luma.histogram(), exif.exposure(), exif.captureTime(), decoding, notes);
    }

    private static Thumbnail thumbnail(byte[] data, int length, JpegHeader header, ExifFacts exif, BlockImage blocks)
            throws IngestFailure {
        Optional<Thumbnail> embedded = exif.thumbnail().flatMap(range -> Thumbnails.fromExif(data, range,
                header.width(), header.height(), exif.orientation()));
        if (embedded.isPresent()) {
            return embedded.get();
        }
        return Thumbnails.blocksSuffice(blocks)
                ? Thumbnails.fromBlocks(blocks, exif.orientation())
                : Thumbnails.fromDecode(data, length, header.width(), header.height(), exif.orientation());
    }
}
