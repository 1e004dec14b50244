package studio.timelapse.desktop.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * the same block means more slowly. Stateless and thread-safe: one analyzer serves every thread.
 */
public final class FrameAnalyzer {
    /** Larger files are not camera frames; refusing them keeps one analysis's memory bounded. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** Larger images are not camera frames either; the block planes of one stay under ~20 MB. */
    static final long MAX_PIXELS = 250_000_000L;

    public FrameAnalysis analyze(Path file) throws IngestFailure {
        return analyze(read(file));
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

    private static byte[] read(Path file) throws IngestFailure {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IngestFailure(Kind.UNSUPPORTED, "a file of " + size + " bytes, larger than any camera frame");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IngestFailure(Kind.UNREADABLE, "the file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IngestFailure(Kind.UNREADABLE, "no permission to read " + file, e);
        } catch (IOException e) {
            throw new IngestFailure(Kind.UNREADABLE, "could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
