package studio.timelapse.desktop.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * What a JPEG says before its image data: the frame (coding process, size, components and their sampling), where its
 * EXIF block is, and Adobe's colour transform flag. Read from the start of the file up to the first scan.
 *
 * @param frameMarker the SOF marker: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, others rarer
 * @param exif the TIFF structure inside the APP1 "Exif" segment, as an offset and length in the file
 */
record JpegHeader(int frameMarker, int precision, int width, int height, List<Component> components,
        OptionalInt adobeTransform, Optional<Range> exif) {

    /** One colour component of the frame: its id, sampling factors and quantization table. */
    record Component(int id, int horizontal, int vertical, int quantTable) {}

    /** Bytes {@code [offset, offset + length)} of the file. */
    record Range(int offset, int length) {}

    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);

    static JpegHeader read(byte[] data, int length) throws IngestFailure {
        JpegSegments segments = new JpegSegments(data, length);
        Optional<Range> exif = Optional.empty();
        OptionalInt adobeTransform = OptionalInt.empty();
        JpegHeader frame = null;
        for (int marker = segments.next(); marker != JpegSegments.SOS; marker = segments.next()) {
            if (marker == -1 || marker == JpegSegments.EOI) {
                throw frame == null
                        ? new IngestFailure(Kind.TRUNCATED, "the file ends before the image header (no SOF marker)")
                        : new IngestFailure(Kind.TRUNCATED, "the file ends before the image data (no SOS marker)");
            }
            int start = segments.payloadStart();
            int size = segments.payloadLength();
            if (marker == JpegSegments.APP1 && exif.isEmpty() && startsWith(data, start, size, EXIF_PREAMBLE)) {
                exif = Optional.of(new Range(start + EXIF_PREAMBLE.length, size - EXIF_PREAMBLE.length));
            } else if (marker == JpegSegments.APP14 && size >= 12 && startsWith(data, start, size, ADOBE)) {
                adobeTransform = OptionalInt.of(data[start + 11] & 0xFF);
            } else if (isFrameMarker(marker)) {
                if (frame != null) {
                    throw new IngestFailure(Kind.CORRUPT, "the file has two frame headers");
                }
                frame = frame(segments, marker);
            }
        }
        if (frame == null) {
            throw new IngestFailure(Kind.CORRUPT, "image data starts before any frame header (SOF)");
        }
        return new JpegHeader(frame.frameMarker, frame.precision, frame.width, frame.height, frame.components,
                adobeTransform, exif);
    }

    static boolean isFrameMarker(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != JpegSegments.DHT && marker != JpegSegments.DAC
                && marker != 0xC8;
    }

    private static JpegHeader frame(JpegSegments segments, int marker) throws IngestFailure {
        int at = segments.payloadStart();
        int precision = segments.u8(at);
        int height = segments.u16(at + 1);
        int width = segments.u16(at + 3);
        int count = segments.u8(at + 5);
        if (width == 0) {
            throw new IngestFailure(Kind.CORRUPT, "the frame header gives a width of 0");
        }
        if (height == 0) {
            throw new IngestFailure(Kind.UNSUPPORTED, "the height is only given after the image data (DNL marker)");
        }
        if (count == 0) {
            throw new IngestFailure(Kind.CORRUPT, "the frame header lists no colour components");
        }
        List<Component> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int c = at + 6 + 3 * i;
            int sampling = segments.u8(c + 1);
            int horizontal = sampling >> 4;
            int vertical = sampling & 15;
            if (horizontal < 1 || horizontal > 4 || vertical < 1 || vertical > 4) {
                throw new IngestFailure(Kind.CORRUPT, "component " + (i + 1) + " has impossible sampling factors "
                        + horizontal + "x" + vertical);
            }
            int quantTable = segments.u8(c + 2);
            if (quantTable > 3) {
                throw new IngestFailure(Kind.CORRUPT, "component " + (i + 1) + " names quantization table "
                        + quantTable);
            }
            components.add(new Component(segments.u8(c), horizontal, vertical, quantTable));
        }
        return new JpegHeader(marker, precision, width, height, List.copyOf(components), OptionalInt.empty(),
                Optional.empty());
    }

    private static boolean startsWith(byte[] data, int start, int size, byte[] prefix) {
        if (size < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    int maxHorizontal() {
        return components.stream().mapToInt(Component::horizontal).max().orElse(1);
    }

    int maxVertical() {
        return components.stream().mapToInt(Component::vertical).max().orElse(1);
    }

    /** Huffman-coded, sequential, 8-bit: what {@link DcDecoder} reads. */
    boolean isSequentialHuffman8Bit() {
        return (frameMarker == JpegSegments.SOF0 || frameMarker == JpegSegments.SOF1) && precision == 8;
    }

    /** "baseline", "progressive", "arithmetic-coded", … for messages. */
    String codingName() {
        return switch (frameMarker) {
            case 0xC0 -> "baseline";
            case 0xC1 -> "extended sequential";
            case 0xC2 -> "progressive";
            case 0xC3 -> "lossless";
            case 0xC9, 0xCA, 0xCB -> "arithmetic-coded";
            default -> "hierarchical";
        } + (precision == 8 ? "" : ", " + precision + "-bit");
    }
}
