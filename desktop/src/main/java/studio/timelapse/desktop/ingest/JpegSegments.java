package studio.timelapse.desktop.ingest;

import studio.timelapse.desktop.ingest.IngestFailure.Kind;

/**
 * Walks the marker segments of a JPEG held in memory: after {@link #next()}, {@link #marker()} is the marker code
 * (0xC0 for SOF0, …) and, for markers that carry one, {@link #payloadStart()} and {@link #payloadLength()} locate its
 * payload (after the length field). Entropy-coded data is not walked: the caller positions the walk after it with
 * {@link #continueAt(int)}.
 */
final class JpegSegments {
    static final int SOF0 = 0xC0;
    static final int SOF1 = 0xC1;
    static final int SOF2 = 0xC2;
    static final int DHT = 0xC4;
    static final int DAC = 0xCC;
    static final int RST0 = 0xD0;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DQT = 0xDB;
    static final int DNL = 0xDC;
    static final int DRI = 0xDD;
    static final int APP1 = 0xE1;
    static final int APP14 = 0xEE;

    private final byte[] data;
    private final int end;
    private int position;
    private int marker = -1;
    private int payloadStart;
    private int payloadLength;

    /** Starts after the SOI marker, which it checks. */
    JpegSegments(byte[] data, int length) throws IngestFailure {
        this.data = data;
        this.end = length;
        if (length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw new IngestFailure(Kind.NOT_JPEG, length == 0 ? "the file is empty"
                    : "the file does not start like a JPEG (no FFD8 start-of-image marker)");
        }
        position = 2;
    }

    /** Moves to the next marker; returns it, or -1 at the end of the bytes. */
    int next() throws IngestFailure {
        int at = position;
        if (at >= end) {
            return marker = -1;
        }
        if ((data[at] & 0xFF) != 0xFF) {
            throw new IngestFailure(Kind.CORRUPT, "expected a JPEG marker at byte " + at + ", found 0x"
                    + Integer.toHexString(data[at] & 0xFF));
        }
        while (at < end && (data[at] & 0xFF) == 0xFF) { // fill bytes may precede a marker
            at++;
        }
        if (at >= end) {
            return marker = -1;
        }
        marker = data[at++] & 0xFF;
        if (marker == 0 ) {
            throw new IngestFailure(Kind.CORRUPT, "a stray 0xFF00 at byte " + (at - 2) + " outside image data");
        }
        if (standsAlone(marker)) {
            payloadStart = at;
            payloadLength = 0;
            position = at;
            return marker;
        }
        if (at + 2 > end) {
            throw new IngestFailure(Kind.TRUNCATED, "the file ends inside the header of marker " + name(marker));
        }
        int length = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
        if (length < 2) {
            throw new IngestFailure(Kind.CORRUPT, "marker " + name(marker) + " at byte " + (at - 2)
                    + " has an impossible length " + length);
        }
        if (at + length > end) {
            throw new IngestFailure(Kind.TRUNCATED, "the file ends inside segment " + name(marker) + " (it needs "
                    + length + " bytes from byte " + at + ", the file has " + (end - at) + ")");
        }
        payloadStart = at + 2;
        payloadLength = length - 2;
        position = at + length;
        return marker;
    }

    private static boolean standsAlone(int marker) {
        return marker == SOI || marker == EOI || (marker >= RST0 && marker <= RST0 + 7) || marker == 0x01;
    }

    int marker() {
        return marker;
    }

    int payloadStart() {
        return payloadStart;
    }

    int payloadLength() {
        return payloadLength;
    }

    /** Where the walk stands: just after the last segment read. */
    int position() {
        return position;
    }

    /** Resumes the walk at {@code offset}, where a marker must start (after a scan's entropy-coded data). */
    void continueAt(int offset) {
        position = offset;
    }

    int u8(int offset) throws IngestFailure {
        if (offset >= payloadStart + payloadLength) {
            throw new IngestFailure(Kind.CORRUPT, "segment " + name(marker) + " is shorter than its contents");
        }
        return data[offset] & 0xFF;
    }

    int u16(int offset) throws IngestFailure {
        return (u8(offset) << 8) | u8(offset + 1);
    }

    static String name(int marker) {
        return switch (marker) {
            case SOI -> "SOI";
            case EOI -> "EOI";
            case SOS -> "SOS";
            case DHT -> "DHT";
            case DQT -> "DQT";
            case DRI -> "DRI";
            case DNL -> "DNL";
            default -> marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != DAC && marker != 0xC8
                    ? "SOF" + (marker - 0xC0)
                    : marker >= 0xE0 && marker <= 0xEF ? "APP" + (marker - 0xE0)
                    : String.format("0xFF%02X", marker);
        };
    }
}
